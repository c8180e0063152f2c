import { Initial1795705482538 } from './1795705482538-Initial';
import { StaffAdministration1795706798952 } from './1795706798952-StaffAdministration';
import { LinkageEngine1795707975767 } from './1795707975767-LinkageEngine';
import { NeedContact1795708293081 } from './1795708293081-NeedContact';
import { DataKeyIds1795753542875 } from './1795753542875-DataKeyIds';
import { AuditInTransaction1795753587136 } from './1795753587136-AuditInTransaction';
import { HeldInvariants1795753720294 } from './1795753720294-HeldInvariants';
import { ReporterRefs1795755406319 } from './1795755406319-ReporterRefs';
import { ServiceHoursUnverifiedByDefault1795764672227 } from './1795764672227-ServiceHoursUnverifiedByDefault';
import { ContactDetails1795775399296 } from './1795775399296-ContactDetails';
import { NeedEvents1795775543326 } from './1795775543326-NeedEvents';
import { VolunteerPerResident1795781329740 } from './1795781329740-VolunteerPerResident';
import { ServiceHoursRejection1795787337929 } from './1795787337929-ServiceHoursRejection';
import { Accounts1795787348656 } from './1795787348656-Accounts';
import { SearchIndex1795801246135 } from './1795801246135-SearchIndex';
import { AddFigureTallies1795801929812 } from './1795801929812-AddFigureTallies';

// Migrations for MySQL/MariaDB, oldest first. Generate a new one after changing entities:
// `npm run build && node dist/src/cli.js migration:generate <Name>` against a migrated database.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const migrations: Function[] = [
  Initial1795705482538,
  StaffAdministration1795706798952,
  LinkageEngine1795707975767,
  NeedContact1795708293081,
  DataKeyIds1795753542875,
  AuditInTransaction1795753587136,
  HeldInvariants1795753720294,
  ReporterRefs1795755406319,
  ServiceHoursUnverifiedByDefault1795764672227,
  ContactDetails1795775399296,
  NeedEvents1795775543326,
  VolunteerPerResident1795781329740,
  ServiceHoursRejection1795787337929,
  Accounts1795787348656,
  SearchIndex1795801246135,
  AddFigureTallies1795801929812,
];
