// The baseline for bench/synth.bench.mjs: the smallest cdktf program that creates the same resources as the
// product for the HTTP fleet config (deep imports, literal values, no validation, no outputs, no overrides).
import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api/index.js";
import { Apigatewayv2Authorizer } from "@cdktf/provider-aws/lib/apigatewayv2-authorizer/index.js";
import { Apigatewayv2Integration } from "@cdktf/provider-aws/lib/apigatewayv2-integration/index.js";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route/index.js";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage/index.js";
import { Apigatewayv2VpcLink } from "@cdktf/provider-aws/lib/apigatewayv2-vpc-link/index.js";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission/index.js";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { App, TerraformStack } from "cdktf";
import { readFileSync } from "node:fs";

const config = JSON.parse(readFileSync(process.env.BENCH_CONFIG, "utf8"));
const invoke = (arn) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${arn}/invocations`;
const app = new App({ outdir: process.env.CDKTF_OUTDIR, skipValidation: true });
const stack = new TerraformStack(app, "baseline");
new AwsProvider(stack, "aws", {});
const link = new Apigatewayv2VpcLink(stack, "link", { name: "link", subnetIds: config.vpc_links.internal.subnet_ids, securityGroupIds: config.vpc_links.internal.security_group_ids });

for (const [key, c] of Object.entries(config.http_apis)) {
  const api = new Apigatewayv2Api(stack, `${key}-api`, { name: `${config.name_prefix}-${key}`, protocolType: "HTTP", description: c.description, version: c.version, corsConfiguration: { allowCredentials: true, allowHeaders: c.cors_configuration.allow_headers, allowMethods: c.cors_configuration.allow_methods, allowOrigins: c.cors_configuration.allow_origins, exposeHeaders: c.cors_configuration.expose_headers, maxAge: 86400 }, tags: { ...config.common_tags, ...c.tags } });
  const stage = c.stages.v2;
  new Apigatewayv2Stage(stack, `${key}-stage`, { apiId: api.id, name: "v2", description: stage.description, autoDeploy: true, defaultRouteSettings: { detailedMetricsEnabled: true, throttlingRateLimit: 2000, throttlingBurstLimit: 4000 }, accessLogSettings: { destinationArn: stage.access_log_settings.destination_arn, format: stage.access_log_settings.format }, tags: { ...config.common_tags, ...c.tags } });
  const jwt = new Apigatewayv2Authorizer(stack, `${key}-jwt`, { apiId: api.id, name: "CognitoAuthorizer", authorizerType: "JWT", identitySources: ["$request.header.Authorization"], jwtConfiguration: { audience: ["client-id-1", "client-id-2"], issuer: c.jwt_authorizers.cognito_auth.issuer } });
  const custom = new Apigatewayv2Authorizer(stack, `${key}-custom`, { apiId: api.id, name: "CustomAuthorizer", authorizerType: "REQUEST", authorizerUri: invoke(c.lambda_authorizers.custom_auth.authorizer_uri), identitySources: ["$request.header.Authorization"], authorizerPayloadFormatVersion: "2.0", authorizerResultTtlInSeconds: 300, enableSimpleResponses: true });
  const lambda = new Apigatewayv2Integration(stack, `${key}-lambda`, { apiId: api.id, integrationType: "AWS_PROXY", integrationMethod: "POST", integrationUri: invoke(c.integrations.lambda_proxy.integration_uri), payloadFormatVersion: "2.0", timeoutMilliseconds: 29000, connectionType: "INTERNET" });
  const http = new Apigatewayv2Integration(stack, `${key}-http`, { apiId: api.id, integrationType: "HTTP_PROXY", integrationMethod: "ANY", integrationUri: c.integrations.http_backend.integration_uri, payloadFormatVersion: "1.0", timeoutMilliseconds: 5000, connectionType: "INTERNET" });
  new Apigatewayv2Integration(stack, `${key}-vpc`, { apiId: api.id, integrationType: "HTTP_PROXY", integrationMethod: "ANY", integrationUri: c.integrations.vpc_service.integration_uri, payloadFormatVersion: "1.0", connectionType: "VPC_LINK", connectionId: link.id });
  new Apigatewayv2Route(stack, `${key}-get`, { apiId: api.id, routeKey: "GET /users", target: `integrations/${lambda.id}`, authorizationType: "JWT", authorizerId: jwt.id });
  new Apigatewayv2Route(stack, `${key}-post`, { apiId: api.id, routeKey: "POST /users", target: `integrations/${lambda.id}`, authorizationType: "CUSTOM", authorizerId: custom.id });
  new Apigatewayv2Route(stack, `${key}-proxy`, { apiId: api.id, routeKey: "ANY /api/{proxy+}", target: `integrations/${http.id}`, authorizationType: "AWS_IAM" });
  for (const fn of ["api-handler", "custom-authorizer"]) {
    new LambdaPermission(stack, `${key}-${fn}`, { statementId: `AllowApiGateway-${key}-${fn}`, action: "lambda:InvokeFunction", functionName: `arn:aws:lambda:us-east-1:123456789012:function:${fn}`, principal: "apigateway.amazonaws.com", sourceArn: `${api.executionArn}/*` });
  }
}
app.synth();
