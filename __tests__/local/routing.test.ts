// Route and resource selection, literal Terraform text, IAM policy evaluation and token buckets: the rules
// the local gateway applies, on small inputs.
import { describe, expect, test } from "vitest";
import { evaluatePolicy } from "../../local/auth/iam-policy.js";
import type { HttpRouteModel } from "../../local/model/http-api-model.js";
import type { RestResourceModel } from "../../local/model/rest-api-model.js";
import { selectHttpRoute } from "../../local/routing/http-routes.js";
import { selectRestMethod } from "../../local/routing/rest-resources.js";
import { literalText, renderTemplate, wholeReference } from "../../local/stack/terraform-text.js";
import { ManualClock } from "../../local/throttle/clock.js";
import { TokenBucket } from "../../local/throttle/token-bucket.js";

const route = (routeKey: string): HttpRouteModel => {
  const [method, path] = routeKey === "$default" ? ["ANY", ""] : (routeKey.split(" ") as [string, string]);
  return { address: routeKey, routeKey, method, path, authorizationType: "NONE", authorizer: undefined, scopes: [], integration: { kind: "unsupported", description: routeKey } };
};

describe("HTTP API route selection", () => {
  const routes = ["GET /pets/{id}", "GET /pets/dog", "ANY /pets/{proxy+}", "ANY /pets/{id}", "POST /pets", "$default"].map(route);
  const pick = (method: string, path: string) => selectHttpRoute(routes, method, path);

  test("a literal segment beats a parameter, which beats a greedy path", () => {
    expect(pick("GET", "/pets/dog")!.route.routeKey).toBe("GET /pets/dog");
    expect(pick("GET", "/pets/cat")).toMatchObject({ route: { routeKey: "GET /pets/{id}" }, pathParameters: { id: "cat" } });
    expect(pick("GET", "/pets/cat/toys")).toMatchObject({ route: { routeKey: "ANY /pets/{proxy+}" }, pathParameters: { proxy: "cat/toys" } });
  });

  test("a method route beats ANY on the same path; $default takes what nothing else matches", () => {
    expect(pick("DELETE", "/pets/cat")!.route.routeKey).toBe("ANY /pets/{id}");
    expect(pick("GET", "/pets")!.route.routeKey).toBe("$default");
    expect(pick("POST", "/pets")!.route.routeKey).toBe("POST /pets");
    expect(selectHttpRoute(routes.slice(0, 5), "GET", "/owners")).toBeUndefined();
  });

  test("path parameters are percent-decoded", () => {
    expect(pick("GET", "/pets/caf%C3%A9")!.pathParameters).toEqual({ id: "café" });
  });
});

describe("REST resource selection", () => {
  const node = (path: string, methods: string[] = [], children: RestResourceModel[] = []): RestResourceModel => ({
    pathPart: path.split("/").pop()!,
    path,
    children,
    methods: new Map(methods.map((m) => [m, { address: m, httpMethod: m, authorization: "NONE", authorizer: undefined, scopes: [], apiKeyRequired: false, integration: { kind: "unsupported", description: m } }])),
  });
  const root = node("/", [], [node("/orders", ["POST"], [node("/orders/{orderId}", ["GET"]), node("/orders/{proxy+}", ["ANY"])])]);

  test("the most specific resource, then its method or ANY; otherwise no method (Missing Authentication Token)", () => {
    expect(selectRestMethod(root, "GET", "/orders/o-1")).toMatchObject({ resource: { path: "/orders/{orderId}" }, method: { httpMethod: "GET" }, pathParameters: { orderId: "o-1" } });
    expect(selectRestMethod(root, "GET", "/orders/o-1/lines")).toMatchObject({ method: { httpMethod: "ANY" }, pathParameters: { proxy: "o-1/lines" } });
    expect(selectRestMethod(root, "DELETE", "/orders/o-1")!.method).toBeUndefined();
    expect(selectRestMethod(root, "GET", "/orders")!.method).toBeUndefined();
    expect(selectRestMethod(root, "GET", "/customers")).toBeUndefined();
  });
});

describe("Terraform text", () => {
  test("escaped config text reads back as the literal the user wrote", () => {
    expect(literalText("price: $${amount} %%{if x}")).toBe("price: ${amount} %{if x}");
    expect(() => literalText("${var.secret}")).toThrow(/no local stand-in/);
  });

  test("references are resolved, escapes around them undone", () => {
    const rendered = renderTemplate("$${literal}-${aws_dynamodb_table.app__data.name}", (ref) => `<${ref.type}/${ref.name}/${ref.attribute}>`);
    expect(rendered).toBe("${literal}-<aws_dynamodb_table/app__data/name>");
    expect(wholeReference("${aws_lambda_function.app__orders.invoke_arn}")).toEqual({ type: "aws_lambda_function", name: "app__orders", attribute: "invoke_arn" });
    expect(wholeReference("$${aws_lambda_function.app__orders.invoke_arn}")).toBeUndefined();
  });
});

describe("authorizer policies", () => {
  const arn = "arn:aws:execute-api:us-east-2:000000000000:abc123/v1/GET/orders/o-1";
  const policy = (effect: string, resource: string) => ({ Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: effect, Resource: resource }] });

  test("Allow must match; an explicit Deny wins; nothing matching is an implicit deny", () => {
    expect(evaluatePolicy(policy("Allow", "arn:aws:execute-api:us-east-2:000000000000:abc123/v1/*/*"), arn)).toBe("allow");
    expect(evaluatePolicy(policy("Allow", "arn:aws:execute-api:us-east-2:000000000000:abc123/v1/GET/catalog"), arn)).toBe("implicit-deny");
    const both = { Statement: [...policy("Allow", "*").Statement, ...policy("Deny", "arn:aws:execute-api:*:*:abc123/v1/GET/orders/*").Statement] };
    expect(evaluatePolicy(both, arn)).toBe("explicit-deny");
  });
});

describe("token buckets", () => {
  test("burst tokens, then one more per 1/rate seconds of the gateway's clock", () => {
    const clock = new ManualClock(0);
    const bucket = new TokenBucket({ burstLimit: 3, rateLimit: 2 }, clock);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    clock.advance(499);
    expect(bucket.take()).toBe(false);
    clock.advance(1);
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    expect(new TokenBucket({ burstLimit: 0, rateLimit: 100 }, clock).take()).toBe(false);
  });
});
