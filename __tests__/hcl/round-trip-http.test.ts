import { describe, test } from "vitest";
import { expectSamePlanAsTwin } from "./round-trip.js";

describe("HCL round trip: HTTP examples as .tf module blocks plan like their .tfvars.json", () => {
  test.each(["http-api-auth-fixed.tfvars.json", "vpc-links-fixed.tfvars.json", "multi-api-fixed.tfvars.json"])("%s", async (twin) => {
    await expectSamePlanAsTwin(twin);
  });
});
