import { describe, expect, test } from "vitest";
import { CACHE_CLUSTER_SIZES, nearestCacheClusterSize } from "../../../modules/api-gateway/rest/cache-sizes.js";
import { restPathProblem } from "../../../modules/api-gateway/rest/method-path.js";
import { modelNameOf, validatorsFor } from "../../../modules/api-gateway/rest/normalize-rest-models.js";
import { resourceIdOf, resourceTreeOf } from "../../../modules/api-gateway/rest/resource-tree.js";
import { originOverrideTemplate } from "../../../modules/api-gateway/rest/rest-cors.js";
import { API_GATEWAY_PRICES, dollars } from "../../../modules/api-gateway/summaries/price-table.js";

describe("resourceTreeOf", () => {
  test("one resource per distinct path prefix, parents first, shared between paths", () => {
    const { resources, problems } = resourceTreeOf(["/users/{id}/orders", "/users", "/", "/{proxy+}", "/users/{id}"]);
    expect(problems).toEqual([]);
    expect(resources.map((r) => [r.path, r.pathPart, r.parentId ?? "(root)", r.id])).toEqual([
      ["/users", "users", "(root)", "users"],
      ["/users/{id}", "{id}", "users", "users__id_param"],
      ["/users/{id}/orders", "orders", "users__id_param", "users__id_param__orders"],
      ["/{proxy+}", "{proxy+}", "(root)", "proxy_greedy"],
    ]);
  });

  test("two parameters under one parent, and two paths with one address, are problems", () => {
    expect(resourceTreeOf(["/a/{id}", "/a/{key}"]).problems).toEqual([
      { path: "/a/{key}", message: "{key} and {id} are both parameters under one parent; AWS allows one parameter per level", fix: "use one name for both, e.g. {id}" },
    ]);
    expect(resourceTreeOf(["/v1.2", "/v1_2"]).problems.map((p) => p.message)).toEqual(['gets the same Terraform address as "/v1.2" (v1_2)']);
  });

  test("the root has no resource of its own", () => {
    expect(resourceIdOf("/")).toBeUndefined();
    expect(resourceTreeOf(["/"]).resources).toEqual([]);
  });
});

describe("restPathProblem", () => {
  test("accepts what AWS accepts", () => {
    for (const path of ["/", "/users", "/users/{id}", "/{proxy+}", "/v1.0/items_x-y"]) expect(restPathProblem(path), path).toBeUndefined();
  });
  test("refuses what AWS refuses", () => {
    expect(restPathProblem("/users/")?.message).toBe('"/users/" must not end with "/"');
    expect(restPathProblem("/a//b")?.message).toBe('"/a//b" has an empty segment ("//")');
    expect(restPathProblem("/a b")?.message).toBe('segment "a b" of "/a b" has characters AWS does not allow');
    expect(restPathProblem("/{a+}/b")?.message).toBe('greedy parameter {a+} must be the last segment of "/{a+}/b"');
  });
});

describe("models and validators", () => {
  test("model names are letters and digits, from the key in PascalCase", () => {
    expect(modelNameOf("user_input")).toBe("UserInput");
    expect(modelNameOf("order-v2 draft")).toBe("OrderV2Draft");
  });
  test("one validator per kind used, named after the API", () => {
    expect(validatorsFor(["BODY", "PARAMETERS", "BODY"], "shop-api")).toEqual([
      { kind: "BODY", name: "shop-api-body", validateBody: true, validateParameters: false },
      { kind: "PARAMETERS", name: "shop-api-parameters", validateBody: false, validateParameters: true },
    ]);
  });
});

describe("CORS with several origins", () => {
  test("the template answers with the caller's Origin only when it is allowed", () => {
    expect(originOverrideTemplate(["https://a.example.com", "https://b.example.com"])).toBe(
      [
        '#set($origin = $input.params().header.get("Origin"))',
        '#if("$!origin" == "")#set($origin = $input.params().header.get("origin"))#end',
        '#if($origin == "https://a.example.com" || $origin == "https://b.example.com")#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)#end',
        "",
      ].join("\n"),
    );
  });
});

describe("the price table", () => {
  test("prices every cache size AWS offers, and states its date and region", () => {
    expect(Object.keys(API_GATEWAY_PRICES.cacheClusterPerHour).sort()).toEqual([...CACHE_CLUSTER_SIZES].sort());
    expect(API_GATEWAY_PRICES.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(API_GATEWAY_PRICES.region).toBe("us-east-1");
  });
  test("a 1.6 GB cache for a month of 730 hours", () => {
    expect(dollars(API_GATEWAY_PRICES.cacheClusterPerHour["1.6"] * API_GATEWAY_PRICES.hoursPerMonth)).toBe(27.74);
  });
  test("the nearest offered cache size, for error fixes", () => {
    expect(nearestCacheClusterSize("2")).toBe("1.6");
    expect(nearestCacheClusterSize("100")).toBe("118");
    expect(nearestCacheClusterSize("big")).toBe("0.5");
  });
});
