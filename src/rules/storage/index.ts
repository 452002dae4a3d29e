/** The storage rules: data and attachment storage, allocation, overage. */
export * from "./units";
export * from "./data";
export * from "./attachments";
export * from "./allowance";
export * from "./overage";
