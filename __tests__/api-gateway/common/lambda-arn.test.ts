import { describe, expect, test } from "vitest";
import { invokeUriOf, lambdaFunctionOf, parseFunctionArn, unqualifiedArnOf } from "../../../modules/api-gateway/common/lambda-arn.js";

describe("Lambda ARNs", () => {
  test("parse in every partition, with or without a qualifier", () => {
    expect(parseFunctionArn("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f")).toMatchObject({ partition: "aws-us-gov", region: "us-gov-west-1", functionName: "f", qualifier: undefined });
    expect(parseFunctionArn("arn:aws-cn:lambda:cn-north-1:123456789012:function:f:$LATEST")).toMatchObject({ partition: "aws-cn", qualifier: "$LATEST" });
    expect(parseFunctionArn("arn:aws:lambda:eu-west-1:123456789012:function:f:live")?.qualifier).toBe("live");
  });

  test("reject near misses", () => {
    for (const bad of ["arn:aws:lambda:eu-west-1:12345:function:f", "arn:aws:lambda:eu-west-1:123456789012:layer:f", "f", "arn:aws:lambda:eu-west-1:123456789012:function:a b"]) {
      expect(parseFunctionArn(bad), bad).toBeUndefined();
    }
  });

  test("become the invoke URI of the function's region and partition, and back", () => {
    const fn = parseFunctionArn("arn:aws-cn:lambda:cn-north-1:123456789012:function:f:live")!;
    const uri = invokeUriOf(fn);
    expect(uri).toBe("arn:aws-cn:apigateway:cn-north-1:lambda:path/2015-03-31/functions/arn:aws-cn:lambda:cn-north-1:123456789012:function:f:live/invocations");
    expect(lambdaFunctionOf(uri)).toEqual(fn);
    expect(unqualifiedArnOf(fn)).toBe("arn:aws-cn:lambda:cn-north-1:123456789012:function:f");
  });
});
