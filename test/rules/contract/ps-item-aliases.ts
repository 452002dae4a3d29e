/**
 * Every other name of every PSINCLUSION item (src/rules/contract/packages.ts), each with a package
 * that states the item and what it states (docs/terms.md's package table, worked by hand): [item,
 * alias, package, count]. Shared by the rule's tests and the bundle's.
 */
export const PS_ITEM_ALIASES: readonly (readonly [string, string, string, number])[] = [
  ["sessions", "one-hour sessions", "Onboarding Essentials", 6],
  ["sessions", "consultative sessions", "Onboarding - Self-Paced", 4],
  ["sessions", "discovery sessions", "Optimization Assessment", 3],
  ["intro calls", "introductory calls", "Onboarding - Self-Paced", 1],
  ["intro calls", "intro call", "Onboarding Essentials", 1],
  ["configuration hours", "collaborative configuration hours", "Implementation - Basic", 8],
  ["configuration hours", "config hours", "Implementation - Standard", 16],
  ["configuration hours", "collaborative configuration", "Implementation - Basic", 8],
  ["user training hours", "web user training hours", "Implementation - Standard", 2],
  ["user training hours", "user training", "Implementation - Standard", 2],
  ["admin training hours", "web admin training hours", "Implementation - Basic", 1],
  ["admin training hours", "admin training", "Implementation - Standard", 2],
  ["training hours", "training", "Implementation - Standard", 4],
  ["checkpoints", "checkpoint calls", "Implementation - Basic", 2],
  ["checkpoints", "post-go-live checkpoints", "Implementation - Standard", 2],
  ["checkpoints", "post-launch checkpoints", "Implementation - AI Basic", 2],
  ["AI teams", "AI team", "Implementation - AI Basic", 1],
  ["AI teams", "teams", "Implementation - AI Advanced", 1],
  ["sub-agents", "AI sub-agents", "Implementation - AI Basic", 3],
  ["sub-agents", "subagents", "Implementation - AI Advanced", 5],
  ["sub-agents", "agents", "Implementation - AI Basic", 3],
  ["use cases", "use case", "Implementation - AI Advanced", 1],
  ["use cases", "targeted use cases", "Implementation - AI Advanced", 1],
  ["conversation records", "records", "Data Migration - Small", 50000],
  ["conversation records", "max records", "Data Migration - Large", 500000],
  ["kick-off days", "kickoff days", "Implementation - AI Basic", 90],
  ["kick-off days", "kick-off window", "Onboarding Essentials", 30],
  ["kick-off days", "kick-off window days", "Data Migration - Zendesk", 30],
  // 4 weeks of Kick-Off: 28 days.
  ["duration days", "duration", "Optimization Assessment", 28],
];
