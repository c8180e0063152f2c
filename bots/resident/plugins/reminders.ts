import type { Contact, Wechaty } from 'wechaty';
import type { BotDeps } from '../context';
import type { VolunteerRemindersQuery } from '../generated/operations';
import { HubUnavailableError } from '../hub-client';
import { activityReminder, hoursVerified } from '../replies';
import { CHINA_OFFSET_MS, chinaDate } from '../text';

/** China has one time zone and no daylight saving: UTC+8 all year. */
/** Volunteers per hub request: the document's estimated cost stays far below the hub's per-request limit. */
const VOLUNTEERS_PER_REQUEST = 25;
/** Reminders go out from 08:00 and, on the day before, until 21:00: nobody is woken by one. */
const DAY_STARTS_AT = 8;
const DAY_BEFORE_ENDS_AT = 21;
/** On the day itself, a reminder still missing (sign-up late last night, the hub was down) goes out until noon. */
const SAME_DAY_ENDS_AT = 12;

const dayBefore = (date: string): string => {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
};

/**
 * When an activity on `startsOn` (a date; activities carry no time of day) is reminded of at `now`: 'tomorrow' on
 * the day before from 08:00 to 21:00 China time, 'today' on the day itself from 08:00 to noon as a catch-up,
 * otherwise not at all. Pure, so the windows are tested without a clock.
 */
export function reminderDue(startsOn: string, now: number): 'tomorrow' | 'today' | undefined {
  const date = chinaDate(now);
  const hour = new Date(now + CHINA_OFFSET_MS).getUTCHours();
  if (hour < DAY_STARTS_AT) return undefined;
  if (date === dayBefore(startsOn) && hour < DAY_BEFORE_ENDS_AT) return 'tomorrow';
  if (date === startsOn && hour < SAME_DAY_ENDS_AT) return 'today';
  return undefined;
}

type RemindedVolunteer = NonNullable<VolunteerRemindersQuery['residentVolunteers'][number]>;

/** What one volunteer should hear now: `key` names it in the bot's state so it is said once. */
export function remindersFor(volunteer: RemindedVolunteer, now: number): { key: string; text: string }[] {
  const due: { key: string; text: string }[] = [];
  for (const { activity } of volunteer.signUps) {
    if (!activity || (activity.status !== 'OPEN' && activity.status !== 'PLANNED')) continue;
    const when = reminderDue(activity.startsOn, now);
    if (!when) continue;
    const place = activity.station?.name ?? activity.region?.name ?? '请留意社区通知';
    due.push({
      key: `activity:${activity.id}`,
      text: activityReminder({ title: activity.title, startsOn: activity.startsOn, when, place }),
    });
  }
  // Oldest first, so a resident reads them in the order they served.
  for (const record of [...volunteer.serviceHourRecords].reverse()) {
    if (!record.verified) continue;
    due.push({
      key: `hours:${record.id}`,
      text: hoursVerified({
        title: record.activity?.title,
        servedOn: record.servedOn,
        hours: record.hours,
        total: volunteer.serviceHours,
      }),
    });
  }
  return due;
}

/** Reminders queued but not yet said, per bot state: the next pass does not queue them again. */
const inFlight = new WeakMap<object, Set<string>>();

/**
 * One pass: for every contact linked to a hub volunteer, queues privately each activity reminder that is due and
 * each newly verified service-hours record, unless the state says it already reached them. A reminder counts as
 * sent only once WeChat took it, so a restart or a dropped message means it is sent by a later pass; a hub that
 * cannot be reached ends the pass, and the next one picks up. Returns how many messages were queued.
 */
export async function sendReminders(deps: BotDeps, bot: Wechaty): Promise<number> {
  const now = deps.clock.now();
  const pending = inFlight.get(deps.state) ?? new Set<string>();
  inFlight.set(deps.state, pending);
  const links = await deps.state.linkedVolunteers();
  let queued = 0;
  for (let start = 0; start < links.length; start += VOLUNTEERS_PER_REQUEST) {
    const chunk = links.slice(start, start + VOLUNTEERS_PER_REQUEST);
    let volunteers: VolunteerRemindersQuery['residentVolunteers'];
    try {
      volunteers = (
        await deps.hub.request('VolunteerReminders', {
          residents: chunk.map((link) => ({ id: link.volunteerId, reporterRef: deps.reporterRef(link.contactId) })),
          from: chinaDate(now),
        })
      ).residentVolunteers;
    } catch (error) {
      if (error instanceof HubUnavailableError) return queued;
      deps.log(
        `reminders: the hub refused volunteers ${start}–${start + chunk.length - 1}: ${(error as Error).message}`,
      );
      continue;
    }
    for (const [index, volunteer] of volunteers.entries()) {
      const { contactId } = chunk[index];
      if (!volunteer) continue;
      let contact: Contact | undefined;
      for (const { key, text } of remindersFor(volunteer, now)) {
        const flightKey = `${contactId}|${key}`;
        if (pending.has(flightKey) || (await deps.state.reminderSent(contactId, key))) continue;
        contact ??= (await bot.Contact.find({ id: contactId })) ?? undefined;
        if (!contact) break;
        pending.add(flightKey);
        deps.queue.send(contact, text, (sent) => {
          // In flight until it is recorded, so a pass meanwhile does not queue it again.
          void (sent ? deps.state.markReminderSent(contactId, key, deps.clock.now()) : Promise.resolve())
            .catch((error: unknown) => deps.log(`reminders: ${(error as Error)?.message ?? error}`))
            .finally(() => pending.delete(flightKey));
        });
        queued += 1;
      }
    }
  }
  return queued;
}

/** Every BOT_REMINDER_INTERVAL_MS (5 minutes; 0 turns it off) while logged in, one pass at a time. */
export function RemindersPlugin(deps: BotDeps) {
  const intervalMs = deps.config.reminderIntervalMs;
  return function RemindersPlugin(bot: Wechaty) {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<unknown> | undefined;
    bot.on('login', () => {
      if (intervalMs <= 0) return;
      timer ??= setInterval(() => {
        running ??= sendReminders(deps, bot)
          .catch((e: unknown) => deps.log(`reminders: ${(e as Error).message}`))
          .finally(() => (running = undefined));
      }, intervalMs);
    });
    bot.on('stop', () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    });
  };
}
