/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date in the mall's own time zone, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** An instant, RFC 3339 with offset, e.g. 2026-12-01T08:15:00+07:00 or ...Z. */
  DateTime: { input: string; output: string; }
  /** A wall-clock time in the mall's own time zone, HH:mm (24 h). */
  LocalTime: { input: string; output: string; }
};

/** An agency, created or changed as a whole (upsert by mallId and slug). */
export type AgencyInput = {
  /** False deactivates it (never deleted: tickets and complaints keep pointing at it). */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** What the agency does at the mall. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** What kind of body the agency is. */
  kind: AgencyKind;
  /** The mall the agency serves in. */
  mallId: Scalars['ID']['input'];
  /** Full name, e.g. Kantor Imigrasi Kelas II TPI Kotabumi. */
  name: Scalars['String']['input'];
  /** Short name for displays. */
  shortName?: InputMaybe<Scalars['String']['input']>;
  /** Becomes the last part of the id: <mallId>:<slug>. */
  slug: Scalars['String']['input'];
  /** Omitted: the agency keeps its hours. Null: the mall's hours. Otherwise its own, narrowing the mall's. */
  weekly?: InputMaybe<Array<WeeklyHoursInput>>;
};

/** What kind of body an agency is. */
export type AgencyKind =
  /** A private business with a counter in the mall. */
  | 'PRIVATE'
  /** A regency or city office (OPD), e.g. Disdukcapil, DPMPTSP. */
  | 'REGIONAL'
  /** A state- or region-owned enterprise (BPJS, BUMN, BUMD banks). */
  | 'STATE_OWNED'
  /** A central government office (instansi vertikal), e.g. Polres, Kejaksaan, ATR/BPN. */
  | 'VERTICAL';

/** Where a booking is in its life. */
export type AppointmentStatus =
  /** Booked and not yet used. */
  | 'BOOKED'
  /** Cancelled by the citizen before the slot started. */
  | 'CANCELLED'
  /** Checked in at a kiosk; a ticket was issued. */
  | 'CHECKED_IN'
  /** Not checked in by the end of the slot's late window. */
  | 'NO_SHOW';

/** A request to book a slot. */
export type BookAppointmentInput = {
  /** Same key and input, same booking: retries never make two. 8 to 128 visible ASCII characters. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Stored encrypted. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** 16 digits; stored only in a form that cannot be read back. */
  nik: Scalars['String']['input'];
  /** An Indonesian phone number; stored encrypted. */
  phone: Scalars['String']['input'];
  /** The service to book. */
  serviceId: Scalars['ID']['input'];
  /** The start of one of Service.slots. */
  startsAt: Scalars['DateTime']['input'];
};

/** A service's booking policy; a field left out takes its default (see BookingPolicy). */
export type BookingPolicyInput = {
  /** Bookings a slot holds, 1 to 1000. */
  capacityPerSlot?: InputMaybe<Scalars['Int']['input']>;
  /** Check-in opens this many minutes before the slot. */
  checkInEarlyMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Check-in closes this many minutes after the slot start. */
  checkInLateMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Bookings close this many minutes before the slot. */
  minNoticeMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Length of a slot, 5 to 240 minutes. */
  slotMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Share of the day's quota kept for walk-ins, 0 to below 1. */
  walkInShare?: InputMaybe<Scalars['Float']['input']>;
  /** Days ahead bookings open, 0 to 90. */
  windowDays?: InputMaybe<Scalars['Int']['input']>;
};

/** Who wrote a timeline entry. */
export type ComplaintAuthor =
  /** The assigned agency (answers, return to the mall). */
  | 'AGENCY'
  /** The reporter (submission, reply). */
  | 'CITIZEN'
  /** The mall's complaint desk (verification, assignment, reassignment, rejection, erasure). */
  | 'MALL'
  /** Loket itself (the automatic close). */
  | 'SYSTEM';

/** What a report is (SP4N-LAPOR! categories). */
export type ComplaintCategory =
  /** A suggestion or wish (aspirasi). */
  | 'ASPIRATION'
  /** A complaint about a service (pengaduan). */
  | 'COMPLAINT'
  /** A request for public information (permintaan informasi). */
  | 'INFORMATION_REQUEST';

/** Where a complaint is in its handling. */
export type ComplaintStatus =
  /** Sent to the agency that must answer within 5 working days. */
  | 'ASSIGNED'
  /** Closed. */
  | 'CLOSED'
  /** The agency is working on it. */
  | 'IN_PROGRESS'
  /** Submitted; the mall checks it within 3 working days. */
  | 'RECEIVED'
  /** Not taken up, with a reason (e.g. bukan wewenang). */
  | 'REJECTED'
  /** The agency answered; it closes itself after 10 working days unless the reporter replies. */
  | 'RESOLVED'
  /** Checked by the mall. */
  | 'VERIFIED';

/** A counter of an agency, created or changed as a whole. */
export type CounterInput = {
  /** False deactivates it (never deleted). */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** The agency the counter belongs to. */
  agencyId: Scalars['ID']['input'];
  /** Name shown on the hall display, e.g. Loket 1 Imigrasi. */
  name: Scalars['String']['input'];
  /** Services of the same agency. */
  serviceIds: Array<Scalars['ID']['input']>;
  /** Becomes the last part of the id: <agencyId>:<slug>. */
  slug: Scalars['String']['input'];
};

/** What a machine client is. */
export type MachineClientKind =
  /** A ticket kiosk of a mall: the KIOSK role of its mall. */
  | 'KIOSK'
  /** A partner agency's system: the PARTNER role of its mall and agency. */
  | 'PARTNER';

/** Who is called first (UU 25/2009 Pasal 29). */
export type PriorityGroup =
  /** Children (anak-anak). */
  | 'CHILD'
  /** People with disabilities (penyandang disabilitas). */
  | 'DISABILITY'
  /** Elderly citizens (lansia). */
  | 'ELDERLY'
  /** Everybody else. */
  | 'NONE'
  /** Pregnant women (ibu hamil). */
  | 'PREGNANT';

/** A kiosk or partner system to register. */
export type RegisterMachineClientInput = {
  /** Required for PARTNER. */
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  /** Kiosk or partner system. */
  kind: MachineClientKind;
  /** Its mall. */
  mallId: Scalars['ID']['input'];
  /** What the mall calls it, e.g. Kiosk 1. */
  name: Scalars['String']['input'];
  /** The client's public key as a JWK (EC P-256); it signs ES256 tokens with iss = sub = the returned id, aud = loket. */
  publicKeyJwk: Scalars['String']['input'];
};

/** Who reported (optional; personal data). */
export type ReporterInput = {
  /** 2 to 100 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Nomor Induk Kependudukan: exactly 16 digits. */
  nik?: InputMaybe<Scalars['String']['input']>;
  /** An Indonesian phone number, e.g. 0812 3456 7890 or +62 812 3456 7890. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** Who can call the API. */
export type Role =
  /** A mall admin (DPMPTSP), scoped to one mall. */
  | 'ADMIN'
  /** A ticket kiosk of one mall: issues walk-in tickets and checks in bookings. */
  | 'KIOSK'
  /** An agency officer at a counter console, scoped to one agency. */
  | 'OFFICER'
  /** A partner agency's machine client, read-only for its agency. */
  | 'PARTNER'
  /** No token: citizens at the kiosk, on the web or mobile. */
  | 'PUBLIC';

/** The hours of one date of the mall or an agency, replacing its weekly hours that day. */
export type ScheduleExceptionInput = {
  /** The date, in the mall's time zone. */
  date: Scalars['Date']['input'];
  /** Empty: closed that day. */
  intervals: Array<TimeIntervalInput>;
  /** Why, e.g. Pemeliharaan sistem SIMKIM. */
  reason: Scalars['String']['input'];
  /** A mall id or an agency id. */
  scopeId: Scalars['ID']['input'];
};

/** A service with its full service standard (standar pelayanan), created or changed as a whole. */
export type ServiceInput = {
  /** False deactivates it (never deleted). */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** The agency that offers the service. */
  agencyId: Scalars['ID']['input'];
  /** Average minutes one ticket takes at the counter, 1 to 480. */
  averageServiceMinutes: Scalars['Int']['input'];
  /** How it takes online bookings. Omitted: kept. Null: takes no bookings. */
  bookingPolicy?: InputMaybe<BookingPolicyInput>;
  /** Unique within the agency, e.g. PASPOR-BARU. */
  code: Scalars['String']['input'];
  /** How complaints are handled (penanganan pengaduan). Omitted: kept, or the mall's complaint desk for a new service. */
  complaintHandling?: InputMaybe<Scalars['String']['input']>;
  /** No tickets this many minutes before closing. Omitted: kept, or 30 for a new service. */
  cutoffMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Null: no daily limit. */
  dailyQuota?: InputMaybe<Scalars['Int']['input']>;
  /** What the service is for. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Whole rupiah; 0 is free. */
  feeAmount: Scalars['Int']['input'];
  /** Legal basis (dasar hukum), one regulation per entry, at least one. */
  legalBasis: Array<Scalars['String']['input']>;
  /** Name, e.g. Paspor Baru. */
  name: Scalars['String']['input'];
  /** Procedure (prosedur), one step per entry, at least one. */
  procedure: Array<Scalars['String']['input']>;
  /** Human text, e.g. '4 hari kerja'. */
  processingTime: Scalars['String']['input'];
  /** What the citizen receives (produk layanan). */
  product: Scalars['String']['input'];
  /** Requirements (persyaratan), one per entry, at least one. */
  requirements: Array<Scalars['String']['input']>;
  /** Becomes the last part of the id: <agencyId>:<slug>. */
  slug: Scalars['String']['input'];
  /** 1 to 3 uppercase letters or digits, unique within the mall. */
  ticketPrefix: Scalars['String']['input'];
};

/** A new complaint. */
export type SubmitComplaintInput = {
  /** The agency it is about, if any. */
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  /** Hide the reporter's identity from the agency and the public. */
  anonymous?: InputMaybe<Scalars['Boolean']['input']>;
  /** The kind of report. */
  category: ComplaintCategory;
  /** Hide the content from the public. */
  confidential?: InputMaybe<Scalars['Boolean']['input']>;
  /** 10 to 5,000 characters. */
  description: Scalars['String']['input'];
  /** Same key, same complaint: 8 to 128 visible ASCII characters. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The mall it is filed with. */
  mallId: Scalars['ID']['input'];
  /** Who reports, if they want to say. */
  reporter?: InputMaybe<ReporterInput>;
  /** The service it is about, if any. */
  serviceId?: InputMaybe<Scalars['ID']['input']>;
  /** 5 to 150 characters. */
  subject: Scalars['String']['input'];
  /** The queue ticket it is about, if any. */
  ticketId?: InputMaybe<Scalars['ID']['input']>;
};

/** A survey of a served ticket. */
export type SubmitSurveyInput = {
  /** All nine elements, each exactly once. */
  answers: Array<SurveyAnswerInput>;
  /** Optional, at most 1,000 characters; kept for the mall, never in the figures. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** The ticket's holderCode, or omitted when sent by a KIOSK or OFFICER token of the ticket's agency (the counter tablet). */
  holderCode?: InputMaybe<Scalars['String']['input']>;
  /** The DONE ticket rated. */
  ticketId: Scalars['ID']['input'];
};

/** One element's score. */
export type SurveyAnswerInput = {
  /** The element. */
  element: SurveyElement;
  /** 1 (poor) to 4 (very good). */
  score: Scalars['Int']['input'];
};

/** The nine elements of the community satisfaction survey (PermenPANRB 14/2017). */
export type SurveyElement =
  /** Fees (biaya/tarif). */
  | 'BIAYA'
  /** Staff competence (kompetensi pelaksana). */
  | 'KOMPETENSI'
  /** Handling of complaints, suggestions and feedback (penanganan pengaduan). */
  | 'PENGADUAN'
  /** Staff conduct (perilaku pelaksana). */
  | 'PERILAKU'
  /** Requirements (persyaratan). */
  | 'PERSYARATAN'
  /** What the service delivers (produk spesifikasi jenis pelayanan). */
  | 'PRODUK'
  /** Procedure (sistem, mekanisme dan prosedur). */
  | 'PROSEDUR'
  /** Facilities (sarana dan prasarana). */
  | 'SARANA'
  /** Time to complete the service (waktu penyelesaian). */
  | 'WAKTU';

/** A request for a queue ticket. */
export type TakeTicketInput = {
  /** Same key, same ticket: retries and double taps never make two. 8 to 128 visible ASCII characters, e.g. a UUID. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The citizen's priority group, if any. */
  priority?: InputMaybe<PriorityGroup>;
  /** The service to queue for. */
  serviceId: Scalars['ID']['input'];
};

/** What happened to a ticket. */
export type TicketAction =
  /** Called to a counter. */
  | 'CALLED'
  /** Cancelled. */
  | 'CANCELLED'
  /** Service finished. */
  | 'FINISHED'
  /** Taken at a kiosk, web or app. */
  | 'ISSUED'
  /** Marked as not shown up. */
  | 'NO_SHOW'
  /** Put back in the queue after a no-show. */
  | 'REACTIVATED'
  /** Called again. */
  | 'RECALLED'
  /** Service started. */
  | 'STARTED'
  /** Moved to another service's queue. */
  | 'TRANSFERRED';

/** Where a ticket is in its life. */
export type TicketStatus =
  /** Called to a counter; the citizen is on the way. */
  | 'CALLED'
  /** Cancelled by the citizen or an officer. */
  | 'CANCELLED'
  /** Served. */
  | 'DONE'
  /** Called and recalled, but the citizen did not come. */
  | 'NO_SHOW'
  /** Being served at the counter. */
  | 'SERVING'
  /** Issued and in the queue. */
  | 'WAITING';

/** An opening interval: from `opens` until just before `closes`, mall time. */
export type TimeIntervalInput = {
  /** Later than opens; 24:00 for midnight. */
  closes: Scalars['LocalTime']['input'];
  /** Opening time, mall time. */
  opens: Scalars['LocalTime']['input'];
};

/** Days of the week, Monday first as in Indonesia. */
export type Weekday =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';

/** The regular hours of one weekday; a weekday not named is closed. */
export type WeeklyHoursInput = {
  /** Not overlapping; empty: closed. */
  intervals: Array<TimeIntervalInput>;
  /** The weekday. */
  weekday: Weekday;
};

export type AdminAuditLogQueryVariables = Exact<{
  mallId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminAuditLogQuery = { __typename?: 'Query', auditLog: { __typename?: 'AuditEntryConnection', edges: Array<{ __typename?: 'AuditEntryEdge', cursor: string, node: { __typename?: 'AuditEntry', at: string, action: string, target: string, by: { __typename?: 'Viewer', role: Role, mallId?: string | null, agencyId?: string | null, subject?: string | null } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type AdminComplaintsQueryVariables = Exact<{
  mallId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ComplaintStatus>;
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminComplaintsQuery = { __typename?: 'Query', complaints: { __typename?: 'ComplaintConnection', edges: Array<{ __typename?: 'ComplaintEdge', cursor: string, node: { __typename?: 'Complaint', id: string, trackingCode: string, category: ComplaintCategory, status: ComplaintStatus, subject?: string | null, anonymous: boolean, confidential: boolean, submittedAt: string, dueAt?: string | null, overdue: boolean, rating?: number | null, agency?: { __typename?: 'Agency', id: string, name: string } | null, service?: { __typename?: 'Service', name: string } | null, ticket?: { __typename?: 'Ticket', number: string, service: { __typename?: 'Service', agency: { __typename?: 'Agency', shortName?: string | null } } } | null, reporter?: { __typename?: 'Reporter', name?: string | null, phone?: string | null, nik?: string | null } | null, timeline: Array<{ __typename?: 'ComplaintEvent', at: string, status: ComplaintStatus, message?: string | null }> } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type AdminMachineClientsQueryVariables = Exact<{
  mallId: Scalars['ID']['input'];
}>;


export type AdminMachineClientsQuery = { __typename?: 'Query', machineClients: Array<{ __typename?: 'MachineClient', id: string, kind: MachineClientKind, name: string, agencyId?: string | null, createdAt: string, revokedAt?: string | null }> };

export type AdminRegisterMachineClientMutationVariables = Exact<{
  input: RegisterMachineClientInput;
}>;


export type AdminRegisterMachineClientMutation = { __typename?: 'Mutation', registerMachineClient: { __typename?: 'MachineClient', id: string, kind: MachineClientKind, name: string, mallId: string, agencyId?: string | null, createdAt: string, revokedAt?: string | null } };

export type AdminRevokeMachineClientMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AdminRevokeMachineClientMutation = { __typename?: 'Mutation', revokeMachineClient: { __typename?: 'MachineClient', id: string, kind: MachineClientKind, name: string, revokedAt?: string | null } };

export type AdminUpsertAgencyMutationVariables = Exact<{
  input: AgencyInput;
}>;


export type AdminUpsertAgencyMutation = { __typename?: 'Mutation', upsertAgency: { __typename?: 'Agency', id: string, name: string, shortName?: string | null, kind: AgencyKind, active: boolean, schedule: { __typename?: 'Schedule', timeZone: string, weekly: Array<{ __typename?: 'WeeklyHours', weekday: Weekday, intervals: Array<{ __typename?: 'TimeInterval', opens: string, closes: string }> }> } } };

export type AdminUpsertCounterMutationVariables = Exact<{
  input: CounterInput;
}>;


export type AdminUpsertCounterMutation = { __typename?: 'Mutation', upsertCounter: { __typename?: 'Counter', id: string, name: string, active: boolean, agency: { __typename?: 'Agency', id: string }, services: Array<{ __typename?: 'Service', id: string, name: string }> } };

export type AdminUpsertServiceMutationVariables = Exact<{
  input: ServiceInput;
}>;


export type AdminUpsertServiceMutation = { __typename?: 'Mutation', upsertService: { __typename?: 'Service', id: string, code: string, name: string, description?: string | null, ticketPrefix: string, requirements: Array<string>, procedure: Array<string>, processingTime: string, product: string, legalBasis: Array<string>, complaintHandling: string, dailyQuota?: number | null, averageServiceMinutes: number, cutoffMinutes: number, active: boolean, fee: { __typename?: 'Money', amount: number, currency: string }, agency: { __typename?: 'Agency', id: string, name: string } } };

export type AgencyFiguresQueryVariables = Exact<{
  agencyId: Scalars['ID']['input'];
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
}>;


export type AgencyFiguresQuery = { __typename?: 'Query', agency?: { __typename?: 'Agency', id: string, name: string, figures: { __typename?: 'AgencyFigures', from: string, to: string, days: Array<{ __typename?: 'ServiceDayFigures', date: string, issued: number, served: number, noShow: number, cancelled: number, transferredOut: number, waitMinutesAvg?: number | null, waitMinutesP50?: number | null, waitMinutesP90?: number | null, serviceMinutesAvg?: number | null, serviceMinutesP50?: number | null, serviceMinutesP90?: number | null, servedWithinTarget?: number | null, bookings: number, bookingNoShows: number, service: { __typename?: 'Service', id: string, name: string } }>, complaints: { __typename?: 'ComplaintFigures', received: number, answeredOnTime: number, answeredLate: number, overdueNow: number, medianFirstAnswerHours?: number | null }, satisfaction: { __typename?: 'SatisfactionIndex', responses: number, requiredSample: number, ikm?: number | null, grade?: string | null, elements: Array<{ __typename?: 'ElementScore', element: SurveyElement, average: number }> } } } | null };

export type BookAppointmentMutationVariables = Exact<{
  input: BookAppointmentInput;
}>;


export type BookAppointmentMutation = { __typename?: 'Mutation', bookAppointment: { __typename?: 'Appointment', id: string, code: string, status: AppointmentStatus, startsAt: string, endsAt: string, nikMasked: string, service: { __typename?: 'Service', id: string, name: string, agency: { __typename?: 'Agency', name: string } } } };

export type BookingSlotsQueryVariables = Exact<{
  serviceId: Scalars['ID']['input'];
  date: Scalars['Date']['input'];
}>;


export type BookingSlotsQuery = { __typename?: 'Query', service?: { __typename?: 'Service', id: string, name: string, bookingPolicy?: { __typename?: 'BookingPolicy', slotMinutes: number, windowDays: number, minNoticeMinutes: number, checkInEarlyMinutes: number, checkInLateMinutes: number } | null, slots: Array<{ __typename?: 'Slot', startsAt: string, endsAt: string, capacity: number, remaining: number }> } | null };

export type CallNextMutationVariables = Exact<{
  counterId: Scalars['ID']['input'];
}>;


export type CallNextMutation = { __typename?: 'Mutation', callNextTicket?: { __typename?: 'Ticket', id: string, number: string, status: TicketStatus, priority: PriorityGroup, calledAt?: string | null, counter?: { __typename?: 'Counter', id: string, name: string } | null, service: { __typename?: 'Service', name: string } } | null };

export type CancelAppointmentMutationVariables = Exact<{
  code: Scalars['String']['input'];
  nikLast4: Scalars['String']['input'];
}>;


export type CancelAppointmentMutation = { __typename?: 'Mutation', cancelAppointment: { __typename?: 'Appointment', id: string, status: AppointmentStatus, startsAt: string } };

export type CancelTicketMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  holderCode?: InputMaybe<Scalars['String']['input']>;
}>;


export type CancelTicketMutation = { __typename?: 'Mutation', cancelTicket: { __typename?: 'Ticket', id: string, number: string, status: TicketStatus } };

export type CheckInAppointmentMutationVariables = Exact<{
  code: Scalars['String']['input'];
  nikLast4: Scalars['String']['input'];
}>;


export type CheckInAppointmentMutation = { __typename?: 'Mutation', checkInAppointment: { __typename?: 'Ticket', id: string, number: string, date: string, status: TicketStatus, issuedAt: string, holderCode?: string | null, service: { __typename?: 'Service', id: string, name: string, agency: { __typename?: 'Agency', name: string } }, appointment?: { __typename?: 'Appointment', id: string, startsAt: string, status: AppointmentStatus } | null } };

export type DayAppointmentsQueryVariables = Exact<{
  serviceId: Scalars['ID']['input'];
  date: Scalars['Date']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DayAppointmentsQuery = { __typename?: 'Query', appointments: { __typename?: 'AppointmentConnection', edges: Array<{ __typename?: 'AppointmentEdge', cursor: string, node: { __typename?: 'Appointment', id: string, status: AppointmentStatus, startsAt: string, nikMasked: string, ticket?: { __typename?: 'Ticket', id: string, number: string, status: TicketStatus } | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type EraseReporterMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EraseReporterMutation = { __typename?: 'Mutation', eraseReporter: { __typename?: 'Complaint', id: string, status: ComplaintStatus, reporter?: { __typename?: 'Reporter', name?: string | null, phone?: string | null, nik?: string | null } | null, timeline: Array<{ __typename?: 'ComplaintEvent', at: string, status: ComplaintStatus, message?: string | null, author: ComplaintAuthor, by?: string | null }> } };

export type FindAppointmentQueryVariables = Exact<{
  code: Scalars['String']['input'];
  nikLast4: Scalars['String']['input'];
}>;


export type FindAppointmentQuery = { __typename?: 'Query', appointment?: { __typename?: 'Appointment', id: string, code: string, status: AppointmentStatus, startsAt: string, endsAt: string, bookedAt: string, nikMasked: string, service: { __typename?: 'Service', id: string, name: string }, ticket?: { __typename?: 'Ticket', id: string, number: string, status: TicketStatus, position?: number | null, estimatedWaitMinutes?: number | null } | null } | null };

export type FollowTicketQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FollowTicketQuery = { __typename?: 'Query', ticket?: { __typename?: 'Ticket', id: string, number: string, status: TicketStatus, position?: number | null, estimatedWaitMinutes?: number | null, calledAt?: string | null, recallCount: number, counter?: { __typename?: 'Counter', name: string } | null, service: { __typename?: 'Service', name: string } } | null };

export type HallBoardQueryVariables = Exact<{
  mallId: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
}>;


export type HallBoardQuery = { __typename?: 'Query', mall?: { __typename?: 'Mall', id: string, name: string, openNow: boolean, board: Array<{ __typename?: 'Ticket', id: string, number: string, status: TicketStatus, calledAt?: string | null, recallCount: number, counter?: { __typename?: 'Counter', name: string } | null, service: { __typename?: 'Service', name: string, agency: { __typename?: 'Agency', shortName?: string | null } } }> } | null };

export type KioskCatalogQueryVariables = Exact<{
  mallId: Scalars['ID']['input'];
}>;


export type KioskCatalogQuery = { __typename?: 'Query', mall?: { __typename?: 'Mall', id: string, name: string, timeZone: string, openNow: boolean, schedule: { __typename?: 'Schedule', timeZone: string, weekly: Array<{ __typename?: 'WeeklyHours', weekday: Weekday, intervals: Array<{ __typename?: 'TimeInterval', opens: string, closes: string }> }> }, agencies: Array<{ __typename?: 'Agency', id: string, name: string, shortName?: string | null, kind: AgencyKind, openNow: boolean, schedule: { __typename?: 'Schedule', weekly: Array<{ __typename?: 'WeeklyHours', weekday: Weekday, intervals: Array<{ __typename?: 'TimeInterval', opens: string, closes: string }> }> }, services: Array<{ __typename?: 'Service', id: string, code: string, name: string, description?: string | null, ticketPrefix: string, requirements: Array<string>, procedure: Array<string>, processingTime: string, product: string, legalBasis: Array<string>, complaintHandling: string, dailyQuota?: number | null, averageServiceMinutes: number, cutoffMinutes: number, fee: { __typename?: 'Money', amount: number, currency: string } }>, counters: Array<{ __typename?: 'Counter', id: string, name: string, services: Array<{ __typename?: 'Service', id: string }> }> }> } | null };

export type MallFiguresQueryVariables = Exact<{
  mallId: Scalars['ID']['input'];
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
}>;


export type MallFiguresQuery = { __typename?: 'Query', mall?: { __typename?: 'Mall', id: string, name: string, figures: { __typename?: 'MallFigures', from: string, to: string, agencies: Array<{ __typename?: 'AgencyFigures', agency: { __typename?: 'Agency', id: string, name: string }, days: Array<{ __typename?: 'ServiceDayFigures', date: string, issued: number, served: number, noShow: number, cancelled: number, transferredOut: number, waitMinutesAvg?: number | null, waitMinutesP50?: number | null, waitMinutesP90?: number | null, serviceMinutesAvg?: number | null, serviceMinutesP50?: number | null, serviceMinutesP90?: number | null, servedWithinTarget?: number | null, bookings: number, bookingNoShows: number, service: { __typename?: 'Service', id: string, code: string, name: string } }>, complaints: { __typename?: 'ComplaintFigures', received: number, answeredOnTime: number, answeredLate: number, overdueNow: number, medianFirstAnswerHours?: number | null }, satisfaction: { __typename?: 'SatisfactionIndex', responses: number, requiredSample: number, ikm?: number | null, grade?: string | null } }>, complaints: { __typename?: 'ComplaintFigures', received: number, answeredOnTime: number, answeredLate: number, overdueNow: number, medianFirstAnswerHours?: number | null }, satisfaction: { __typename?: 'SatisfactionIndex', responses: number, requiredSample: number, ikm?: number | null, grade?: string | null, elements: Array<{ __typename?: 'ElementScore', element: SurveyElement, average: number }> } } } | null };

export type OfficerConsoleQueryVariables = Exact<{
  counterId: Scalars['ID']['input'];
}>;


export type OfficerConsoleQuery = { __typename?: 'Query', counter?: { __typename?: 'Counter', id: string, name: string, agency: { __typename?: 'Agency', id: string, name: string, openNow: boolean }, currentTicket?: { __typename?: 'Ticket', id: string, number: string, status: TicketStatus, priority: PriorityGroup, recallCount: number, calledAt?: string | null, startedAt?: string | null, service: { __typename?: 'Service', name: string }, history: Array<{ __typename?: 'TicketEvent', at: string, action: TicketAction, status: TicketStatus, counter?: { __typename?: 'Counter', name: string } | null }> } | null, services: Array<{ __typename?: 'Service', id: string, name: string, queue: { __typename?: 'Queue', issued: number, waiting: number, remainingQuota?: number | null, estimatedWaitMinutes: number, nowServing: Array<{ __typename?: 'Ticket', number: string, status: TicketStatus, counter?: { __typename?: 'Counter', name: string } | null }> } }> } | null, me: { __typename?: 'Viewer', role: Role, mallId?: string | null, agencyId?: string | null } };

export type OfficerQueueQueryVariables = Exact<{
  counterId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type OfficerQueueQuery = { __typename?: 'Query', counter?: { __typename?: 'Counter', id: string, name: string, waiting: Array<{ __typename?: 'Ticket', id: string, number: string, priority: PriorityGroup, issuedAt: string, service: { __typename?: 'Service', name: string } }>, services: Array<{ __typename?: 'Service', id: string, name: string, queue: { __typename?: 'Queue', noShows: Array<{ __typename?: 'Ticket', id: string, number: string, calledAt?: string | null, recallCount: number }> } }> } | null };

export type OverdueComplaintsQueryVariables = Exact<{
  mallId?: InputMaybe<Scalars['ID']['input']>;
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type OverdueComplaintsQuery = { __typename?: 'Query', complaints: { __typename?: 'ComplaintConnection', edges: Array<{ __typename?: 'ComplaintEdge', cursor: string, node: { __typename?: 'Complaint', id: string, category: ComplaintCategory, status: ComplaintStatus, subject?: string | null, submittedAt: string, dueAt?: string | null, overdue: boolean, agency?: { __typename?: 'Agency', id: string, name: string } | null, timeline: Array<{ __typename?: 'ComplaintEvent', at: string, status: ComplaintStatus, author: ComplaintAuthor, by?: string | null }> } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type PartnerScheduleQueryVariables = Exact<{
  agencyId: Scalars['ID']['input'];
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
}>;


export type PartnerScheduleQuery = { __typename?: 'Query', agency?: { __typename?: 'Agency', id: string, name: string, schedule: { __typename?: 'Schedule', timeZone: string, days: Array<{ __typename?: 'DayHours', date: string, reason?: string | null, intervals: Array<{ __typename?: 'TimeInterval', opens: string, closes: string }> }>, exceptions: Array<{ __typename?: 'ScheduleException', date: string, reason: string }> } } | null };

export type PublishedSatisfactionQueryVariables = Exact<{
  mallId: Scalars['ID']['input'];
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
}>;


export type PublishedSatisfactionQuery = { __typename?: 'Query', mall?: { __typename?: 'Mall', id: string, name: string, satisfaction: { __typename?: 'SatisfactionIndex', from: string, to: string, responses: number, requiredSample: number, ikm?: number | null, grade?: string | null, elements: Array<{ __typename?: 'ElementScore', element: SurveyElement, average: number }> } } | null };

export type ReassignComplaintMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  agencyId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type ReassignComplaintMutation = { __typename?: 'Mutation', reassignComplaint: { __typename?: 'Complaint', id: string, status: ComplaintStatus, dueAt?: string | null, overdue: boolean, agency?: { __typename?: 'Agency', id: string, name: string } | null, timeline: Array<{ __typename?: 'ComplaintEvent', at: string, status: ComplaintStatus, message?: string | null, author: ComplaintAuthor, by?: string | null }> } };

export type RemoveScheduleExceptionMutationVariables = Exact<{
  scopeId: Scalars['ID']['input'];
  date: Scalars['Date']['input'];
}>;


export type RemoveScheduleExceptionMutation = { __typename?: 'Mutation', removeScheduleException: { __typename?: 'Schedule', timeZone: string, days: Array<{ __typename?: 'DayHours', date: string, reason?: string | null, intervals: Array<{ __typename?: 'TimeInterval', opens: string, closes: string }> }> } };

export type ReturnComplaintMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type ReturnComplaintMutation = { __typename?: 'Mutation', returnComplaint: { __typename?: 'Complaint', id: string, status: ComplaintStatus, dueAt?: string | null, overdue: boolean, timeline: Array<{ __typename?: 'ComplaintEvent', at: string, status: ComplaintStatus, message?: string | null, author: ComplaintAuthor, by?: string | null }> } };

export type SetScheduleExceptionMutationVariables = Exact<{
  input: ScheduleExceptionInput;
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
}>;


export type SetScheduleExceptionMutation = { __typename?: 'Mutation', setScheduleException: { __typename?: 'Schedule', timeZone: string, exceptions: Array<{ __typename?: 'ScheduleException', date: string, reason: string, intervals: Array<{ __typename?: 'TimeInterval', opens: string, closes: string }> }> } };

export type SubmitComplaintMutationVariables = Exact<{
  input: SubmitComplaintInput;
}>;


export type SubmitComplaintMutation = { __typename?: 'Mutation', submitComplaint: { __typename?: 'Complaint', id: string, trackingCode: string, status: ComplaintStatus, dueAt?: string | null, submittedAt: string } };

export type SubmitSurveyMutationVariables = Exact<{
  input: SubmitSurveyInput;
}>;


export type SubmitSurveyMutation = { __typename?: 'Mutation', submitSurvey: { __typename?: 'SurveyReceipt', submittedAt: string, ticket: { __typename?: 'Ticket', id: string, number: string } } };

export type TakeTicketMutationVariables = Exact<{
  input: TakeTicketInput;
}>;


export type TakeTicketMutation = { __typename?: 'Mutation', takeTicket: { __typename?: 'Ticket', id: string, number: string, date: string, status: TicketStatus, priority: PriorityGroup, issuedAt: string, holderCode?: string | null, service: { __typename?: 'Service', id: string, name: string, agency: { __typename?: 'Agency', name: string } } } };

export type TrackComplaintQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type TrackComplaintQuery = { __typename?: 'Query', complaint?: { __typename?: 'Complaint', trackingCode: string, category: ComplaintCategory, status: ComplaintStatus, subject?: string | null, description?: string | null, dueAt?: string | null, overdue: boolean, rating?: number | null, submittedAt: string, agency?: { __typename?: 'Agency', name: string } | null, service?: { __typename?: 'Service', name: string } | null, timeline: Array<{ __typename?: 'ComplaintEvent', at: string, status: ComplaintStatus, message?: string | null }> } | null };


export const AdminAuditLogDocument = {"__meta__":{"hash":"e6f916b9cfb137a31fa4b2fc404ef0a732097866f60d789a938468469201acc1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminAuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mallId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"by"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"mallId"}},{"kind":"Field","name":{"kind":"Name","value":"agencyId"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AdminAuditLogQuery, AdminAuditLogQueryVariables>;
export const AdminComplaintsDocument = {"__meta__":{"hash":"8bbb176ba7ee5dc0559c9447df42f6689e41a92f1266c390b6f827fcb1e87c27"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminComplaints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ComplaintStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complaints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mallId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"agencyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trackingCode"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"confidential"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ticket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reporter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"nik"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AdminComplaintsQuery, AdminComplaintsQueryVariables>;
export const AdminMachineClientsDocument = {"__meta__":{"hash":"609ffd6cb029114e52dcefe2da5654ddc5bef48e89b1ab9567852e449bf2345d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminMachineClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"machineClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mallId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agencyId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<AdminMachineClientsQuery, AdminMachineClientsQueryVariables>;
export const AdminRegisterMachineClientDocument = {"__meta__":{"hash":"fc45165ca76316bc617833fd463554196ed19f65133b64f11ee0692b2cace546"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminRegisterMachineClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterMachineClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerMachineClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mallId"}},{"kind":"Field","name":{"kind":"Name","value":"agencyId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<AdminRegisterMachineClientMutation, AdminRegisterMachineClientMutationVariables>;
export const AdminRevokeMachineClientDocument = {"__meta__":{"hash":"8a2e4f5af9c60488949d85b01677fee4fbf04c9b3179f9731ff96b220bb291a1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminRevokeMachineClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeMachineClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<AdminRevokeMachineClientMutation, AdminRevokeMachineClientMutationVariables>;
export const AdminUpsertAgencyDocument = {"__meta__":{"hash":"1abb2b7dc924a92900bf45cb75c23a91a01df22f9e02de16de621739b539ae7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUpsertAgency"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AgencyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertAgency"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"weekly"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"intervals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"opens"}},{"kind":"Field","name":{"kind":"Name","value":"closes"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdminUpsertAgencyMutation, AdminUpsertAgencyMutationVariables>;
export const AdminUpsertCounterDocument = {"__meta__":{"hash":"9c96b76bc43befa6d0e990cc0daf9bc38775b211da5f4cc23070afa511990137"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUpsertCounter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CounterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertCounter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AdminUpsertCounterMutation, AdminUpsertCounterMutationVariables>;
export const AdminUpsertServiceDocument = {"__meta__":{"hash":"5fdd4a4b29f827ba57601709cea2fb10fd82ad150674a723a4e45ae5c4a8055f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdminUpsertService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ServiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"ticketPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"requirements"}},{"kind":"Field","name":{"kind":"Name","value":"procedure"}},{"kind":"Field","name":{"kind":"Name","value":"processingTime"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"complaintHandling"}},{"kind":"Field","name":{"kind":"Name","value":"dailyQuota"}},{"kind":"Field","name":{"kind":"Name","value":"averageServiceMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"cutoffMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"fee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AdminUpsertServiceMutation, AdminUpsertServiceMutationVariables>;
export const AgencyFiguresDocument = {"__meta__":{"hash":"23d82f28d0c478ef712738eab258a0cd060e2a63393aa5937cb195b348033c67"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AgencyFigures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"issued"}},{"kind":"Field","name":{"kind":"Name","value":"served"}},{"kind":"Field","name":{"kind":"Name","value":"noShow"}},{"kind":"Field","name":{"kind":"Name","value":"cancelled"}},{"kind":"Field","name":{"kind":"Name","value":"transferredOut"}},{"kind":"Field","name":{"kind":"Name","value":"waitMinutesAvg"}},{"kind":"Field","name":{"kind":"Name","value":"waitMinutesP50"}},{"kind":"Field","name":{"kind":"Name","value":"waitMinutesP90"}},{"kind":"Field","name":{"kind":"Name","value":"serviceMinutesAvg"}},{"kind":"Field","name":{"kind":"Name","value":"serviceMinutesP50"}},{"kind":"Field","name":{"kind":"Name","value":"serviceMinutesP90"}},{"kind":"Field","name":{"kind":"Name","value":"servedWithinTarget"}},{"kind":"Field","name":{"kind":"Name","value":"bookings"}},{"kind":"Field","name":{"kind":"Name","value":"bookingNoShows"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complaints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"answeredOnTime"}},{"kind":"Field","name":{"kind":"Name","value":"answeredLate"}},{"kind":"Field","name":{"kind":"Name","value":"overdueNow"}},{"kind":"Field","name":{"kind":"Name","value":"medianFirstAnswerHours"}}]}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responses"}},{"kind":"Field","name":{"kind":"Name","value":"requiredSample"}},{"kind":"Field","name":{"kind":"Name","value":"elements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"average"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ikm"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AgencyFiguresQuery, AgencyFiguresQueryVariables>;
export const BookAppointmentDocument = {"__meta__":{"hash":"8475be731d6341f742834795a45f632e341e1e6cad197cc436f3fef4e06b802a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BookAppointment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BookAppointmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bookAppointment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"nikMasked"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BookAppointmentMutation, BookAppointmentMutationVariables>;
export const BookingSlotsDocument = {"__meta__":{"hash":"3c16d2d177648326d5e292b54584b2a4640c470c379bd5e741d10896d21ffb3b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BookingSlots"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"bookingPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slotMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"windowDays"}},{"kind":"Field","name":{"kind":"Name","value":"minNoticeMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"checkInEarlyMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"checkInLateMinutes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"slots"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}}]}}]}}]} as unknown as DocumentNode<BookingSlotsQuery, BookingSlotsQueryVariables>;
export const CallNextDocument = {"__meta__":{"hash":"2695420e3c7693264af9472259748f4183774623b49016f549740978bac4f501"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CallNext"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"counterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callNextTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"counterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"counterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"calledAt"}},{"kind":"Field","name":{"kind":"Name","value":"counter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CallNextMutation, CallNextMutationVariables>;
export const CancelAppointmentDocument = {"__meta__":{"hash":"450f14104e91f85d9256929083f482d80ac49df619e49f620eefb3aa242c0cab"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelAppointment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nikLast4"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelAppointment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"nikLast4"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nikLast4"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}}]}}]}}]} as unknown as DocumentNode<CancelAppointmentMutation, CancelAppointmentMutationVariables>;
export const CancelTicketDocument = {"__meta__":{"hash":"41b90a90e8a48d61a4d5b7cd4781546f17bbfbba33c49083584eb19468499204"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"holderCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"holderCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"holderCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelTicketMutation, CancelTicketMutationVariables>;
export const CheckInAppointmentDocument = {"__meta__":{"hash":"23eea2c26098b90a36258b7c05f783389f38c6c8d178c1a93c11c16eac6f8e5b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckInAppointment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nikLast4"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkInAppointment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"nikLast4"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nikLast4"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"holderCode"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"appointment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<CheckInAppointmentMutation, CheckInAppointmentMutationVariables>;
export const DayAppointmentsDocument = {"__meta__":{"hash":"c3b43fa62be98fd9ff2f516731fca7e29cb9763457e72f1d07f28b3c61ed6152"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DayAppointments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"serviceId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"serviceId"}}},{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"nikMasked"}},{"kind":"Field","name":{"kind":"Name","value":"ticket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DayAppointmentsQuery, DayAppointmentsQueryVariables>;
export const EraseReporterDocument = {"__meta__":{"hash":"784cd51fe6f92831ea1726644a43152260028873b103dfc3dc0b5d2bb76da3cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EraseReporter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eraseReporter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reporter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"nik"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}}]}}]}}]} as unknown as DocumentNode<EraseReporterMutation, EraseReporterMutationVariables>;
export const FindAppointmentDocument = {"__meta__":{"hash":"25ca46b1c255ffe91abd38da3b3130e34e972c1b16afaa5a1b5095f8b9709077"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FindAppointment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"nikLast4"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"nikLast4"},"value":{"kind":"Variable","name":{"kind":"Name","value":"nikLast4"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"bookedAt"}},{"kind":"Field","name":{"kind":"Name","value":"nikMasked"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ticket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedWaitMinutes"}}]}}]}}]}}]} as unknown as DocumentNode<FindAppointmentQuery, FindAppointmentQueryVariables>;
export const FollowTicketDocument = {"__meta__":{"hash":"0150718c3b3a94509d6e7f03adb3f4016830f12d0dbde6481351d9860f2d74c7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FollowTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedWaitMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"calledAt"}},{"kind":"Field","name":{"kind":"Name","value":"recallCount"}},{"kind":"Field","name":{"kind":"Name","value":"counter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<FollowTicketQuery, FollowTicketQueryVariables>;
export const HallBoardDocument = {"__meta__":{"hash":"97905c475b13b592bda4d1ac6c4a220e23924c449f56772837c1624e92606e5d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HallBoard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"openNow"}},{"kind":"Field","name":{"kind":"Name","value":"board"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"calledAt"}},{"kind":"Field","name":{"kind":"Name","value":"recallCount"}},{"kind":"Field","name":{"kind":"Name","value":"counter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shortName"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<HallBoardQuery, HallBoardQueryVariables>;
export const KioskCatalogDocument = {"__meta__":{"hash":"8d16b0538346f4c33488fd7f7af143821890047eff18aca669c9a95485ca582e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KioskCatalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"openNow"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"weekly"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"intervals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"opens"}},{"kind":"Field","name":{"kind":"Name","value":"closes"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shortName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"openNow"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekly"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"intervals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"opens"}},{"kind":"Field","name":{"kind":"Name","value":"closes"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"ticketPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"requirements"}},{"kind":"Field","name":{"kind":"Name","value":"procedure"}},{"kind":"Field","name":{"kind":"Name","value":"processingTime"}},{"kind":"Field","name":{"kind":"Name","value":"product"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"complaintHandling"}},{"kind":"Field","name":{"kind":"Name","value":"dailyQuota"}},{"kind":"Field","name":{"kind":"Name","value":"averageServiceMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"cutoffMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"fee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"counters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<KioskCatalogQuery, KioskCatalogQueryVariables>;
export const MallFiguresDocument = {"__meta__":{"hash":"83d9425d2276e2b03676820ce33affa597c3523650f106a2133d71767c4afca0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MallFigures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"agencies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"issued"}},{"kind":"Field","name":{"kind":"Name","value":"served"}},{"kind":"Field","name":{"kind":"Name","value":"noShow"}},{"kind":"Field","name":{"kind":"Name","value":"cancelled"}},{"kind":"Field","name":{"kind":"Name","value":"transferredOut"}},{"kind":"Field","name":{"kind":"Name","value":"waitMinutesAvg"}},{"kind":"Field","name":{"kind":"Name","value":"waitMinutesP50"}},{"kind":"Field","name":{"kind":"Name","value":"waitMinutesP90"}},{"kind":"Field","name":{"kind":"Name","value":"serviceMinutesAvg"}},{"kind":"Field","name":{"kind":"Name","value":"serviceMinutesP50"}},{"kind":"Field","name":{"kind":"Name","value":"serviceMinutesP90"}},{"kind":"Field","name":{"kind":"Name","value":"servedWithinTarget"}},{"kind":"Field","name":{"kind":"Name","value":"bookings"}},{"kind":"Field","name":{"kind":"Name","value":"bookingNoShows"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complaints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"answeredOnTime"}},{"kind":"Field","name":{"kind":"Name","value":"answeredLate"}},{"kind":"Field","name":{"kind":"Name","value":"overdueNow"}},{"kind":"Field","name":{"kind":"Name","value":"medianFirstAnswerHours"}}]}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responses"}},{"kind":"Field","name":{"kind":"Name","value":"requiredSample"}},{"kind":"Field","name":{"kind":"Name","value":"ikm"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"complaints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"answeredOnTime"}},{"kind":"Field","name":{"kind":"Name","value":"answeredLate"}},{"kind":"Field","name":{"kind":"Name","value":"overdueNow"}},{"kind":"Field","name":{"kind":"Name","value":"medianFirstAnswerHours"}}]}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"responses"}},{"kind":"Field","name":{"kind":"Name","value":"requiredSample"}},{"kind":"Field","name":{"kind":"Name","value":"elements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"average"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ikm"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MallFiguresQuery, MallFiguresQueryVariables>;
export const OfficerConsoleDocument = {"__meta__":{"hash":"128afa04950b7811614e87908797b2aa9cbbde826fd11cf428d2cfa2aa599316"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfficerConsole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"counterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"counterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"openNow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentTicket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"recallCount"}},{"kind":"Field","name":{"kind":"Name","value":"calledAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"counter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"queue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issued"}},{"kind":"Field","name":{"kind":"Name","value":"waiting"}},{"kind":"Field","name":{"kind":"Name","value":"remainingQuota"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedWaitMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"nowServing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"counter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"mallId"}},{"kind":"Field","name":{"kind":"Name","value":"agencyId"}}]}}]}}]} as unknown as DocumentNode<OfficerConsoleQuery, OfficerConsoleQueryVariables>;
export const OfficerQueueDocument = {"__meta__":{"hash":"5dc29483c09879438b578330fd5e8cbfee32befe2c6afda4b5d377d431f682c1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfficerQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"counterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"counterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"waiting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"services"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"queue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"noShows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"calledAt"}},{"kind":"Field","name":{"kind":"Name","value":"recallCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OfficerQueueQuery, OfficerQueueQueryVariables>;
export const OverdueComplaintsDocument = {"__meta__":{"hash":"0d52bca3181e68951b1d3f542986ad7a806f9819751d23d804499e4f2b415e34"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverdueComplaints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complaints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mallId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}}},{"kind":"Argument","name":{"kind":"Name","value":"agencyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"overdue"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<OverdueComplaintsQuery, OverdueComplaintsQueryVariables>;
export const PartnerScheduleDocument = {"__meta__":{"hash":"a84fd4b48dcfc8f39ffb4797fa5280c380ebc80275878db688d7d22b9bb28611"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerSchedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agency"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"days"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"intervals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"opens"}},{"kind":"Field","name":{"kind":"Name","value":"closes"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"exceptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnerScheduleQuery, PartnerScheduleQueryVariables>;
export const PublishedSatisfactionDocument = {"__meta__":{"hash":"d3ac79c5819d0d13f3293200169d106fbb4b99320693ab34056656217229ed11"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublishedSatisfaction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"mallId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"responses"}},{"kind":"Field","name":{"kind":"Name","value":"requiredSample"}},{"kind":"Field","name":{"kind":"Name","value":"elements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"element"}},{"kind":"Field","name":{"kind":"Name","value":"average"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ikm"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}}]}}]}}]} as unknown as DocumentNode<PublishedSatisfactionQuery, PublishedSatisfactionQueryVariables>;
export const ReassignComplaintDocument = {"__meta__":{"hash":"7281c6841981340a4891d969a5b2a7ccf738edbb20cfac0bc1f42762dd3c92d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReassignComplaint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reassignComplaint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"agencyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"agencyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}}]}}]}}]} as unknown as DocumentNode<ReassignComplaintMutation, ReassignComplaintMutationVariables>;
export const RemoveScheduleExceptionDocument = {"__meta__":{"hash":"a5f642d792baabd8f4a5a231c52c876753f3aea4a67e1ef0c2195ac88f95f10d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveScheduleException"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scopeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeScheduleException"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scopeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scopeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"days"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"intervals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"opens"}},{"kind":"Field","name":{"kind":"Name","value":"closes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RemoveScheduleExceptionMutation, RemoveScheduleExceptionMutationVariables>;
export const ReturnComplaintDocument = {"__meta__":{"hash":"363bd61fd620ff8032ab8c49a437c668485953a8d8db504f60b0ec47b69f51df"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReturnComplaint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnComplaint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"author"}},{"kind":"Field","name":{"kind":"Name","value":"by"}}]}}]}}]}}]} as unknown as DocumentNode<ReturnComplaintMutation, ReturnComplaintMutationVariables>;
export const SetScheduleExceptionDocument = {"__meta__":{"hash":"a88be9bf86db134fe0427d074da5076e247584d07bf4c79fc17ec659d84d76aa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetScheduleException"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScheduleExceptionInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setScheduleException"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"exceptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"intervals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"opens"}},{"kind":"Field","name":{"kind":"Name","value":"closes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SetScheduleExceptionMutation, SetScheduleExceptionMutationVariables>;
export const SubmitComplaintDocument = {"__meta__":{"hash":"0ccbc8ffd4c70105ca75b916a58e7313d6000a5980aa34d9bfb04f3b50529291"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitComplaint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitComplaintInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitComplaint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trackingCode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]} as unknown as DocumentNode<SubmitComplaintMutation, SubmitComplaintMutationVariables>;
export const SubmitSurveyDocument = {"__meta__":{"hash":"5c3bfc94445a8fa9fb3dee769587f7db3b93199522ef70954d0c106cf38810a8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitSurvey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitSurveyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitSurvey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]} as unknown as DocumentNode<SubmitSurveyMutation, SubmitSurveyMutationVariables>;
export const TakeTicketDocument = {"__meta__":{"hash":"975dfb8edb5f04c9b532b459ef97d027219101aec506324b1957a269fc7853ed"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TakeTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TakeTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"takeTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"holderCode"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TakeTicketMutation, TakeTicketMutationVariables>;
export const TrackComplaintDocument = {"__meta__":{"hash":"775915a35e34447e6e9c94291c9071e1d175df7d37df0aeee428a16e197547d8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrackComplaint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"complaint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"trackingCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trackingCode"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TrackComplaintQuery, TrackComplaintQueryVariables>;