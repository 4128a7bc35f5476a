import factoryDashboard from "./factory";
import ordersDashboard from "./orders";
import overviewDashboard from "./overview";
import telemetryDashboard from "./telemetry";

/** Every dashboard of the stack, one definition per file. */
export const dashboardDefinitions = [overviewDashboard, ordersDashboard, factoryDashboard, telemetryDashboard];
