import notificationPolicy from "./notification-policy";
import onCall from "./on-call";
import teamEmail from "./team-email";

/** Every contact point of the stack, one definition per file. */
export const contactPointDefinitions = [onCall, teamEmail];

export { notificationPolicy };
