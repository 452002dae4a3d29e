/**
 * Every built-in rate card, in the order the task pane lists them. The pane and the functions
 * read these same frozen tables.
 */
import type { RateTable } from "./documents";
import { STORAGE_ALLOCATION, STORAGE_PRICES, STORAGE_RECORD_SIZES } from "./storage";
import { TRANSLATION_PRICE } from "./translation";
import { SLA_CREDIT_BANDS, SLA_RESPONSE_TIMES } from "./sla";
import { DATA_MIGRATION_SIZES, MANAGED_SERVICES_HOURS, PS_LIMITS, PS_PACKAGES } from "./professional-services";

export const RATE_CARDS: ReadonlyArray<RateTable<unknown>> = Object.freeze([
  STORAGE_RECORD_SIZES,
  STORAGE_ALLOCATION,
  STORAGE_PRICES,
  TRANSLATION_PRICE,
  SLA_CREDIT_BANDS,
  SLA_RESPONSE_TIMES,
  PS_PACKAGES,
  MANAGED_SERVICES_HOURS,
  DATA_MIGRATION_SIZES,
  PS_LIMITS,
] as ReadonlyArray<RateTable<unknown>>);
