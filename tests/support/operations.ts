/**
 * The real operations of Loket's front ends, as they ship: the limits are
 * sized from these (they must pass with room to spare), the benchmark
 * measures them, and the authorization matrix calls them.
 *
 * Each is a file of `operations/` (the one source: GraphQL Code Generator
 * types them for the front ends and makes the trusted-documents manifest from
 * them), read here by its operation name. A new operation is a new file there
 * and a line here; tests/unit/operations.test.ts checks that both agree.
 */
import { readFileSync } from 'node:fs';

/** The folder of the front ends' operations, one `<OperationName>.graphql` each. */
export const OPERATIONS_DIR = new URL('../../operations/', import.meta.url);

/** The text of `operations/<name>.graphql`, as the front ends send it. */
export function operation(name: string): string {
  return readFileSync(new URL(`${name}.graphql`, OPERATIONS_DIR), 'utf8');
}

/** The kiosk opens with the whole catalog of its mall. */
export const KIOSK_CATALOG = operation('KioskCatalog');

/**
 * The kiosk takes a ticket and prints its number; the citizen's phone then
 * follows it (FollowTicket) for position and estimate, which cost one more
 * read of the live queue.
 */
export const TAKE_TICKET = operation('TakeTicket');

/** The citizen app follows a ticket. */
export const FOLLOW_TICKET = operation('FollowTicket');

/** The citizen cancels a waiting ticket with the holder code printed on it (the QR). */
export const CANCEL_TICKET = operation('CancelTicket');

/** The officer console's queue: who this counter may call, in call order, and the day's no-shows. */
export const OFFICER_QUEUE = operation('OfficerQueue');

/** The hall display polls the board. */
export const HALL_BOARD = operation('HallBoard');

/** The officer console: the counter, its current ticket and its queues. */
export const OFFICER_CONSOLE = operation('OfficerConsole');

/** The officer calls the next ticket. */
export const CALL_NEXT_TICKET = operation('CallNext');

/** The citizen app files a complaint. */
export const SUBMIT_COMPLAINT = operation('SubmitComplaint');

/** The citizen app tracks a complaint. */
export const TRACK_COMPLAINT = operation('TrackComplaint');

/** The admin console lists complaints. */
export const ADMIN_COMPLAINTS = operation('AdminComplaints');

/** Partner agencies fetch resolved hours over a range. */
export const PARTNER_SCHEDULE = operation('PartnerSchedule');

/** The citizen app shows a bookable service's policy and the free slots of a date. */
export const BOOKING_SLOTS = operation('BookingSlots');

/** The citizen app books a slot; the answer carries the booking code, once. */
export const BOOK_APPOINTMENT = operation('BookAppointment');

/** The citizen app follows a booking by its code and the NIK's last 4 digits. */
export const FIND_APPOINTMENT = operation('FindAppointment');

/** The citizen app cancels a booking, up to its slot start. */
export const CANCEL_APPOINTMENT = operation('CancelAppointment');

/** The kiosk checks a booking in and prints the ticket with its holder code. */
export const CHECK_IN_APPOINTMENT = operation('CheckInAppointment');

/** The officer or admin console lists a service's bookings of a day. */
export const DAY_APPOINTMENTS = operation('DayAppointments');

/** The admin console creates or changes an agency with its weekly hours. */
export const ADMIN_UPSERT_AGENCY = operation('AdminUpsertAgency');

/** The admin console creates or changes a service with its service standard. */
export const ADMIN_UPSERT_SERVICE = operation('AdminUpsertService');

/** The admin console creates or changes a counter. */
export const ADMIN_UPSERT_COUNTER = operation('AdminUpsertCounter');

/** The admin console, or a partner system for its own agency, closes a day or sets special hours. */
export const SET_SCHEDULE_EXCEPTION = operation('SetScheduleException');

/** The admin console, or a partner system for its own agency, takes an exception back. */
export const REMOVE_SCHEDULE_EXCEPTION = operation('RemoveScheduleException');

/** The admin console registers a kiosk or a partner system with its public key. */
export const ADMIN_REGISTER_MACHINE_CLIENT = operation('AdminRegisterMachineClient');

/** The admin console revokes a machine client. */
export const ADMIN_REVOKE_MACHINE_CLIENT = operation('AdminRevokeMachineClient');

/** The admin console lists the mall's machine clients. */
export const ADMIN_MACHINE_CLIENTS = operation('AdminMachineClients');

/** The admin console pages through the audit log. */
export const ADMIN_AUDIT_LOG = operation('AdminAuditLog');

/** The admin console sends an assigned complaint to another agency. */
export const REASSIGN_COMPLAINT = operation('ReassignComplaint');

/** The officer console hands a complaint back to the mall. */
export const RETURN_COMPLAINT = operation('ReturnComplaint');

/** The admin console erases a reporter's personal data on request. */
export const ERASE_REPORTER = operation('EraseReporter');

/** The admin console's escalation list of overdue complaints. */
export const OVERDUE_COMPLAINTS = operation('OverdueComplaints');

/** Every real operation, by name. */
/** The officer console, a partner system or the admin console: an agency's figures of a period. */
export const AGENCY_FIGURES = operation('AgencyFigures');

/** The admin console and the CSV export (`npm run figures`): a mall's figures, agency by agency. */
export const MALL_FIGURES = operation('MallFigures');

/** Anyone: the mall's published satisfaction index (SKM). */
export const PUBLISHED_SATISFACTION = operation('PublishedSatisfaction');

/** The citizen's phone (holder code) or the counter tablet: the survey of a served ticket. */
export const SUBMIT_SURVEY = operation('SubmitSurvey');

export const REAL_OPERATIONS = {
  KIOSK_CATALOG,
  TAKE_TICKET,
  CANCEL_TICKET,
  FOLLOW_TICKET,
  HALL_BOARD,
  OFFICER_CONSOLE,
  OFFICER_QUEUE,
  CALL_NEXT_TICKET,
  SUBMIT_COMPLAINT,
  TRACK_COMPLAINT,
  ADMIN_COMPLAINTS,
  PARTNER_SCHEDULE,
  BOOKING_SLOTS,
  BOOK_APPOINTMENT,
  FIND_APPOINTMENT,
  CANCEL_APPOINTMENT,
  CHECK_IN_APPOINTMENT,
  DAY_APPOINTMENTS,
  AGENCY_FIGURES,
  MALL_FIGURES,
  PUBLISHED_SATISFACTION,
  SUBMIT_SURVEY,
} as const;

/**
 * The admin console's and partner systems' operations of mall administration. Rare next to the
 * operations above (no benchmark or request budget); tests/e2e/admin-onboarding.test.ts runs
 * each through the handler, limits included.
 */
export const ADMIN_OPERATIONS = {
  ADMIN_UPSERT_AGENCY,
  ADMIN_UPSERT_SERVICE,
  ADMIN_UPSERT_COUNTER,
  SET_SCHEDULE_EXCEPTION,
  REMOVE_SCHEDULE_EXCEPTION,
  ADMIN_REGISTER_MACHINE_CLIENT,
  ADMIN_REVOKE_MACHINE_CLIENT,
  ADMIN_MACHINE_CLIENTS,
  ADMIN_AUDIT_LOG,
} as const;

/**
 * The complaint desk's operations (docs/domain-rules.md, 'Complaint desk'): the admin console's
 * reassignment, erasure and escalation list, the officer console's return. Rare next to the operations
 * above (no benchmark or request budget); tests/integration/complaint-desk.test.ts runs each.
 */
export const COMPLAINT_DESK_OPERATIONS = {
  REASSIGN_COMPLAINT,
  RETURN_COMPLAINT,
  ERASE_REPORTER,
  OVERDUE_COMPLAINTS,
} as const;
