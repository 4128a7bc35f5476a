import type { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import type { Config } from "../src/config/schema";
import type { Suppressing } from "../src/model/suppressions";
import factoryDashboard from "./factory";
import ordersDashboard from "./orders";
import overviewDashboard from "./overview";
import telemetryDashboard from "./telemetry";

/** Every dashboard of the stack, one definition per file. */
export const dashboardDefinitions: DashboardDefinition[] = [overviewDashboard, ordersDashboard, factoryDashboard, telemetryDashboard];

/** A dashboard: its builder for one config, and the checks it turns off for itself, each with a reason. */
export type DashboardDefinition = ((cfg: Config) => DashboardBuilder) & Suppressing;
