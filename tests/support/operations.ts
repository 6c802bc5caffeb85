/**
 * The real operations of Loket's front ends, as they ship: the limits are
 * sized from these (they must pass with room to spare), the benchmark
 * measures them, and the authorization matrix calls them.
 */

/** The kiosk opens with the whole catalog of its mall. */
export const KIOSK_CATALOG = /* GraphQL */ `
  query KioskCatalog($mallId: ID!) {
    mall(id: $mallId) {
      id name timeZone openNow
      schedule { timeZone weekly { weekday intervals { opens closes } } }
      agencies {
        id name shortName kind openNow
        schedule { weekly { weekday intervals { opens closes } } }
        services {
          id code name description ticketPrefix requirements procedure processingTime product legalBasis
          complaintHandling dailyQuota averageServiceMinutes cutoffMinutes fee { amount currency }
        }
        counters { id name services { id } }
      }
    }
  }
`;

/**
 * The kiosk takes a ticket and prints its number; the citizen's phone then
 * follows it (FOLLOW_TICKET) for position and estimate, which cost one more
 * read of the live queue.
 */
export const TAKE_TICKET = /* GraphQL */ `
  mutation TakeTicket($input: TakeTicketInput!) {
    takeTicket(input: $input) {
      id number date status priority issuedAt holderCode
      service { id name agency { name } }
    }
  }
`;

/** The citizen app follows a ticket. */
export const FOLLOW_TICKET = /* GraphQL */ `
  query FollowTicket($id: ID!) {
    ticket(id: $id) {
      id number status position estimatedWaitMinutes calledAt recallCount
      counter { name }
      service { name }
    }
  }
`;

/** The citizen cancels a waiting ticket with the holder code printed on it (the QR). */
export const CANCEL_TICKET = /* GraphQL */ `
  mutation CancelTicket($id: ID!, $holderCode: String) {
    cancelTicket(id: $id, holderCode: $holderCode) { id number status }
  }
`;

/** The officer console's queue: who this counter may call, in call order, and the day's no-shows. */
export const OFFICER_QUEUE = /* GraphQL */ `
  query OfficerQueue($counterId: ID!, $first: Int) {
    counter(id: $counterId) {
      id name
      waiting(first: $first) { id number priority issuedAt service { name } }
      services { id name queue { noShows(first: 10) { id number calledAt recallCount } } }
    }
  }
`;

/** The hall display polls the board. */
export const HALL_BOARD = /* GraphQL */ `
  query HallBoard($mallId: ID!, $limit: Int) {
    mall(id: $mallId) {
      id name openNow
      board(limit: $limit) { id number status calledAt recallCount counter { name } service { name agency { shortName } } }
    }
  }
`;

/** The officer console: the counter, its current ticket and its queues. */
export const OFFICER_CONSOLE = /* GraphQL */ `
  query OfficerConsole($counterId: ID!) {
    counter(id: $counterId) {
      id name
      agency { id name openNow }
      currentTicket { id number status priority recallCount calledAt startedAt service { name } history { at action status counter { name } } }
      services { id name queue { issued waiting remainingQuota estimatedWaitMinutes nowServing { number status counter { name } } } }
    }
    me { role mallId agencyId }
  }
`;

/** The officer calls the next ticket. */
export const CALL_NEXT_TICKET = /* GraphQL */ `
  mutation CallNext($counterId: ID!) {
    callNextTicket(counterId: $counterId) { id number status priority calledAt counter { id name } service { name } }
  }
`;

/** The citizen app files a complaint. */
export const SUBMIT_COMPLAINT = /* GraphQL */ `
  mutation SubmitComplaint($input: SubmitComplaintInput!) {
    submitComplaint(input: $input) { id trackingCode status dueAt submittedAt }
  }
`;

/** The citizen app tracks a complaint. */
export const TRACK_COMPLAINT = /* GraphQL */ `
  query TrackComplaint($code: String!) {
    complaint(trackingCode: $code) {
      trackingCode category status subject description dueAt overdue rating submittedAt
      agency { name } service { name }
      timeline { at status message }
    }
  }
`;

/** The admin console lists complaints. */
export const ADMIN_COMPLAINTS = /* GraphQL */ `
  query AdminComplaints($mallId: ID, $status: ComplaintStatus, $agencyId: ID, $first: Int, $after: String) {
    complaints(mallId: $mallId, status: $status, agencyId: $agencyId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id trackingCode category status subject anonymous confidential submittedAt dueAt overdue rating
          agency { id name } service { name } ticket { number service { agency { shortName } } }
          reporter { name phone nik }
          timeline { at status message }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** Partner agencies fetch resolved hours over a range. */
export const PARTNER_SCHEDULE = /* GraphQL */ `
  query PartnerSchedule($agencyId: ID!, $from: Date!, $to: Date!) {
    agency(id: $agencyId) {
      id name
      schedule { timeZone days(from: $from, to: $to) { date reason intervals { opens closes } } exceptions(from: $from, to: $to) { date reason } }
    }
  }
`;

/** Every real operation, by name. */
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
} as const;
