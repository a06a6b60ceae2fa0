/**
 * The Decide engine: pure functions that answer a committee's questions before a service is
 * outsourced. One concept per file; this module re-exports them for the API, the dashboard and
 * the CLI.
 */
export * from "./finding.ts";

// Service catalogue and market-testing pipeline
export * from "./catalogue/types.ts";
export * from "./catalogue/pipeline.ts";
export * from "./catalogue/catalogue-schema.ts";
export * from "./catalogue/checks/classification-reason.ts";
export * from "./catalogue/checks/core-in-wave.ts";
export * from "./catalogue/checks/wave-references.ts";

// Delivery model assessment
export * from "./dma/types.ts";
export * from "./dma/recommend.ts";
export * from "./dma/dma-schema.ts";
export * from "./dma/checks/criteria.ts";
export * from "./dma/checks/return-in-house.ts";
export * from "./dma/checks/scores-complete.ts";

// Appraisal
export * from "./appraisal/types.ts";
export * from "./appraisal/discount.ts";
export * from "./appraisal/optimism-bias.ts";
export * from "./appraisal/appraise.ts";
export * from "./appraisal/drivers.ts";
export * from "./appraisal/switching-values.ts";
export * from "./appraisal/sensitivity.ts";

// Monte Carlo
export * from "./montecarlo/normal.ts";
export * from "./montecarlo/distributions.ts";
export * from "./montecarlo/cholesky.ts";
export * from "./montecarlo/percentiles.ts";
export * from "./montecarlo/model.ts";
export * from "./montecarlo/simulate.ts";

// Appraisal case files
export * from "./case/case-schema.ts";
export * from "./case/parse-case.ts";
export * from "./case/run-case.ts";
export * from "./case/zod-issues.ts";
export * from "./case/pounds.ts";

// Accountability horizon
export * from "./horizon/elections.ts";
export * from "./horizon/payments.ts";
export * from "./horizon/horizon.ts";
export * from "./horizon/contract-schema.ts";
export * from "./horizon/horizon-json.ts";

// Workforce impact
export * from "./workforce/types.ts";
export * from "./workforce/summary.ts";
export * from "./workforce/workforce-schema.ts";
export * from "./workforce/checks/whole-numbers.ts";
export * from "./workforce/checks/posts-balance.ts";
export * from "./workforce/checks/relocation-within-transfer.ts";
export * from "./workforce/checks/zero-hours-declared.ts";

// Lifecycle gates
export * from "./gates/definitions.ts";
export * from "./gates/types.ts";
export * from "./gates/evaluate.ts";
export * from "./gates/history-schema.ts";
export * from "./gates/checks/approver-role.ts";
export * from "./gates/checks/required-evidence.ts";
export * from "./gates/checks/logical-order.ts";
export * from "./gates/checks/drivers-recorded.ts";
export * from "./gates/checks/budget-driven.ts";
export * from "./gates/decision-flags.ts";

// Commercial capability
export * from "./capability/areas.ts";
export * from "./capability/assess.ts";
export * from "./capability/capability-schema.ts";
