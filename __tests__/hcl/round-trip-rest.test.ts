import { describe, test } from "vitest";
import { expectSamePlanAsTwin } from "./round-trip.js";

describe("HCL round trip: REST examples as .tf module blocks plan like their .tfvars.json", () => {
  test.each(["rest-api-basic-fixed.tfvars.json", "rest-api-secure-fixed.tfvars.json", "custom-domains-fixed.tfvars.json"])("%s", async (twin) => {
    await expectSamePlanAsTwin(twin);
  });
});
