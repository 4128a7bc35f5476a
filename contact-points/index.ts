import escalation from "./escalation";
import heartbeat from "./heartbeat";
import messageTemplate from "./message-template";
import muteTimings from "./mute-timings";
import notificationPolicy from "./notification-policy";
import observabilityTickets from "./observability-tickets";
import onCall from "./on-call";
import teamEmail from "./team-email";
import teamSlack from "./team-slack";

/** Every contact point of the stack, one definition per file; undefined when config does not declare it. */
export const contactPointDefinitions = [onCall, teamSlack, teamEmail, observabilityTickets, heartbeat];

/** Notification templates the contact points use. */
export const messageTemplateDefinitions = [messageTemplate];

export { escalation, muteTimings, notificationPolicy };
