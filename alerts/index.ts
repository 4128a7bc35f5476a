import order5xx from "./order-5xx";

/** Every alert of the stack, one definition per file. */
export const alertDefinitions = [order5xx];
