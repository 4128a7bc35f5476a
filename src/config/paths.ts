import { join } from "node:path";

export const REPO_ROOT = join(__dirname, "..", "..");
export const RENDERED_DIR = join(REPO_ROOT, "rendered");
export const EXAMPLE_STACK_FILE = join(REPO_ROOT, "Pulumi.example.yaml");
