export const FN = "arn:aws:lambda:us-east-1:123456789012:function:orders";
export const AUTH_FN = "arn:aws:lambda:us-east-1:123456789012:function:token-authorizer";
export const NLB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/internal-nlb/1234567890123456";
export const POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_XXXXXXXXX";
export const CERT_US_EAST_1 = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";
export const CERT_EU_WEST_1 = "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";
export const WAF = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shop-waf/12345678-1234-1234-1234-123456789012";

/** The API Gateway invoke URI of a Lambda function named `fn` in us-east-1. */
export const invoke = (fn: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${fn}/invocations`;

/** A valid config with one REST API and one domain; `patch` edits a deep copy of it. */
export function restConfig(patch: (c: any) => void = () => {}): any {
  const c: any = {
    name_prefix: "shop",
    vpc_links: {
      http_link: { subnet_ids: ["subnet-1"], security_group_ids: ["sg-1"] },
      nlb_link: { target_arns: [NLB] },
    },
    rest_apis: {
      orders: {
        stages: { prod: {} },
        authorizers: {
          token_auth: { authorizer_uri: AUTH_FN },
          pool: { type: "COGNITO_USER_POOLS", provider_arns: [POOL] },
        },
        methods: {
          list: { path: "/orders", http_method: "GET", integration: { type: "AWS_PROXY", uri: FN } },
          get: { path: "/orders/{id}", http_method: "GET", authorizer_id: "token_auth", integration: { type: "AWS_PROXY", uri: FN } },
        },
        api_keys: { partner: {} },
        usage_plans: { basic: { api_stages: [{ stage: "prod" }], api_keys: ["partner"] } },
      },
    },
    rest_api_custom_domains: {
      main: { api_name: "orders", domain_name: "api.example.com", regional_certificate_arn: CERT_US_EAST_1 },
    },
  };
  patch(c);
  return c;
}

/** The `orders` API of a `restConfig`. */
export const orders = (c: any) => c.rest_apis.orders;

/** The same value with every object's keys in reverse order. */
export function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
}
