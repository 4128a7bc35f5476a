import ordersDashboard from "./orders";

/** Every dashboard of the stack, one definition per file. */
export const dashboardDefinitions = [ordersDashboard];
