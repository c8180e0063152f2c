import type { Identity } from '../../src/auth/identity';
import * as Op from '../helpers/admin-operations';
import { IDENTITIES, JIANGCHUAN, LIQI, XIAHE, orgIdentity } from '../helpers/identities';
import * as G from '../helpers/registry-operations';
import { BUSY_CLIENT_ENV, codeOf, startTestHub, type TestHub } from '../helpers/test-hub';
import type {
  AuditLogQuery,
  CoverageQuery,
  RegisterSocialWorkerMutation,
  RegisterStationMutation,
  StationInQuery,
  UpdateSocialWorkerMutation,
} from '../helpers/generated/operations';

// The registries the console edits that had no mutation: registering a station, correcting a social worker.
let t: TestHub;
const staff = IDENTITIES.STAFF_IN;
const admin = IDENTITIES.ADMIN;
/** 康井社区 (李棋街道). */
const KANGJING = '530402006007';

beforeAll(async () => {
  t = await startTestHub({ env: BUSY_CLIENT_ENV });
});
afterAll(() => t?.close());

const room = (regionId: string) => ({
  name: '康井社区社工室',
  kind: 'SOCIAL_WORK_ROOM',
  regionId,
  address: '康井社区居委会二楼',
  publicPhone: '0877-2031234',
  openedYear: 2026,
});

describe('registerServiceStation', () => {
  test('staff of the region register a social-work room, and the community counts as covered', async () => {
    const { registerServiceStation } = await t.query<RegisterStationMutation>(
      G.REGISTER_STATION,
      { input: room(KANGJING) },
      staff,
    );
    expect(registerServiceStation).toEqual({ id: expect.any(String), ...room(KANGJING) });
    const coverage = await t.query<CoverageQuery>(G.COVERAGE, { id: KANGJING });
    expect(coverage.region!.stationCoverage).toEqual({
      communities: 1,
      communitiesWithSocialWorkRoom: 1,
      complete: true,
    });
    const audit = await t.query<AuditLogQuery>(Op.AUDIT_LOG, { operation: 'registerServiceStation' }, admin);
    expect(audit.auditLog.nodes.map((n) => [n.subject, n.outcome, n.target])).toEqual([
      ['staff-liqi', 'OK', `regionId=${KANGJING} → ${registerServiceStation.id}`],
    ]);
  });

  test('a network station only at its own level; outside the caller’s region refused', async () => {
    const atTownship = await t.execute(G.REGISTER_STATION, { input: room(LIQI) }, staff);
    expect(codeOf(atTownship)).toBe('BAD_USER_INPUT');
    const elderly = { ...room(LIQI), name: '李棋街道为老服务站', kind: 'ELDERLY_STATION' };
    expect(codeOf(await t.execute(G.REGISTER_STATION, { input: elderly }, staff))).toBeUndefined();
    expect(codeOf(await t.execute(G.REGISTER_STATION, { input: room(KANGJING) }, IDENTITIES.STAFF_OUT))).toBe(
      'FORBIDDEN',
    );
    for (const identity of [IDENTITIES.PUBLIC, IDENTITIES.BOT_IN, orgIdentity(3)]) {
      expect(codeOf(await t.execute(G.REGISTER_STATION, { input: room(KANGJING) }, identity))).toBe('FORBIDDEN');
    }
    expect(codeOf(await t.execute(G.REGISTER_STATION, { input: room('530402006099') }, staff))).toBe('NOT_FOUND');
    const badPhone = { ...room(KANGJING), publicPhone: '13812345678 call me' };
    expect(codeOf(await t.execute(G.REGISTER_STATION, { input: badPhone }, staff))).toBe('BAD_USER_INPUT');
  });
});

describe('updateSocialWorker', () => {
  test('staff of the worker’s region correct name, specialties and station; level stays', async () => {
    const worker = (await t.query<RegisterSocialWorkerMutation>(Op.REGISTER_SOCIAL_WORKER, { regionId: XIAHE }, admin))
      .registerSocialWorker.id;
    const station = (await t.query<StationInQuery>(Op.STATION_IN, { regionId: XIAHE }, admin)).serviceStations.nodes[0]
      .id;
    const elsewhere = (await t.query<StationInQuery>(Op.STATION_IN, { regionId: JIANGCHUAN }, admin)).serviceStations
      .nodes[0].id;
    const update = (input: Record<string, unknown>, identity: Identity = staff) =>
      t.execute<UpdateSocialWorkerMutation>(G.UPDATE_SOCIAL_WORKER, { id: worker, input }, identity);

    const updated = await update({ name: '社工乙', specialties: ['CHILD_CARE', 'EDUCATION'], stationId: station });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateSocialWorker).toMatchObject({
      id: worker,
      name: '社工乙',
      level: 'ASSISTANT',
      specialties: ['CHILD_CARE', 'EDUCATION'],
      station: { id: station },
    });
    expect(codeOf(await update({ name: '社工丙' }, IDENTITIES.STAFF_OUT))).toBe('FORBIDDEN');
    expect(codeOf(await update({ name: '社工丙' }, IDENTITIES.PUBLIC))).toBe('FORBIDDEN');
    expect(codeOf(await update({ stationId: elsewhere }))).toBe('FORBIDDEN');
    expect(codeOf(await update({ organizationId: '99999999' }))).toBe('NOT_FOUND');

    const cleared = await update({ stationId: null });
    expect(cleared.data!.updateSocialWorker).toMatchObject({ name: '社工乙', station: null });
    expect(cleared.data!.updateSocialWorker.specialties).toEqual(['CHILD_CARE', 'EDUCATION']);
  });
});
