import { serverlessGateway } from "../../stacks/presets/serverless-gateway.js";

// The serverless gateway deployment, with its production checklist applied: point-in-time recovery,
// alarms, 30-day logs, specific CORS origins, the signing secret in SSM (never in config or state), and a
// custom domain whose certificate and DNS records Terraform manages.
export default {
  ...serverlessGateway({
    tenant: "northwind",
    environment: "prod",
    aws_region: "us-east-1",
    backend: { s3: { bucket: "northwind-terraform-state", region: "us-east-1" } },
    jwt_issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_NwPool01",
    jwt_audiences: ["7northwind0client0id"],
    lambda_memory_size: 512,
    lambda_timeout: 30,
    lambda_reserved_concurrency: 100,
    log_retention_days: 30,
    enable_pitr: true,
    enable_cloudwatch_alarms: true,
    alarm_email: "oncall@northwind.example",
    cors_allow_origins: ["https://app.northwind.example"],
    additional_lambda_env_vars: {
      UPSTREAM_USER_SERVICE_URL: "https://users-api.northwind.example",
      UPSTREAM_PRODUCT_SERVICE_URL: "https://products-api.northwind.example",
    },
    token_signing_secret_ssm_parameter_arn: "arn:aws:ssm:us-east-1:444444444444:parameter/northwind/prod/token-signing-secret",
    custom_domain_name: "api.northwind.example",
    create_acm_certificate: true,
    create_route53_record: true,
    route53_zone_id: "Z0NORTHWIND0EXAMPLE1",
    tags: { Tenant: "northwind", ManagedBy: "cdktf-apigateway" },
  }),
  lint: {
    suppressions: [
      { rule: "APIGW-HTTP-ROUTE-AUTH", path: "http_apis.gateway.routes.app_get_health", reason: "The health check answers uptime monitors without a token and returns no tenant data (handlers/README.md)." },
      { rule: "APIGW-LOG-GROUP-CMK", reason: "Northwind's logs hold no payloads or tokens; its security team accepted CloudWatch's own encryption." },
    ],
  },
};
