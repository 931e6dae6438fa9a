// The synthesized stack as the local gateway reads it: resources by address, and local stand-ins for the
// values Terraform would only know after an apply (ids, ARNs, invoke ARNs).
import { createHash, randomBytes } from "node:crypto";
import { literalText, renderTemplate, UnresolvableReference, type Reference } from "./terraform-text.js";

export type ResourceBody = Readonly<Record<string, any>>;

export interface StackJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, ResourceBody>>>>;
  readonly provider?: { readonly aws?: readonly Readonly<Record<string, unknown>>[] };
}

/** The account every local ARN names: API Gateway and the authorizers need a 12-digit one. */
export const LOCAL_ACCOUNT = "000000000000";

export class StackResources {
  readonly region: string;

  constructor(
    readonly json: StackJson,
    /** The stack folder (cdktf.out/stacks/<name>): asset paths are relative to it. */
    readonly dir: string,
  ) {
    const provider = json.provider?.aws?.find((p) => p.alias === undefined) ?? json.provider?.aws?.[0];
    this.region = typeof provider?.region === "string" ? literalText(provider.region) : (process.env.AWS_REGION ?? "us-east-1");
  }

  /** `[name, body]` pairs of one resource type, in the JSON's (sorted) order. */
  all(type: string): [string, ResourceBody][] {
    return Object.entries(this.json.resource?.[type] ?? {});
  }

  get(type: string, name: string): ResourceBody | undefined {
    return this.json.resource?.[type]?.[name];
  }

  private readonly runSalt = randomBytes(8).toString("hex");

  /** A stable, API Gateway-shaped id for a resource (10 lower-case letters and digits). */
  localId(type: string, name: string): string {
    return createHash("sha256").update(`${type}.${name}`).digest("hex").replace(/[^a-z0-9]/g, "").slice(0, 10);
  }

  /** The value Terraform would give `${type.name.attribute}`, as far as it can be known locally. */
  standIn(reference: Reference): string {
    const { type, name, attribute } = reference;
    const body = this.get(type, name);
    const expression = `${type}.${name}.${attribute}`;
    if (!body) throw new UnresolvableReference(expression);
    const literal = body[attribute];
    if (typeof literal === "string" && attribute !== "id" && attribute !== "arn") return this.render(literal);
    const displayName = typeof body.name === "string" ? this.render(body.name) : typeof body.function_name === "string" ? this.render(body.function_name) : name;
    switch (`${type}.${attribute}`) {
      // Made up once per run (a function's environment may reference it, as the authorizer's tenant registry does).
      case "aws_api_gateway_api_key.value":
        return `local-${createHash("sha256").update(`${this.runSalt}${expression}`).digest("hex").slice(0, 30)}`;
      case "aws_dynamodb_table.id":
        return displayName;
      case "aws_dynamodb_table.arn":
        return `arn:aws:dynamodb:${this.region}:${LOCAL_ACCOUNT}:table/${displayName}`;
      case "aws_lambda_function.arn":
      case "aws_lambda_function.qualified_arn":
        return `arn:aws:lambda:${this.region}:${LOCAL_ACCOUNT}:function:${displayName}`;
      case "aws_lambda_function.invoke_arn":
        return `arn:aws:apigateway:${this.region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${this.region}:${LOCAL_ACCOUNT}:function:${displayName}/invocations`;
    }
    if (attribute === "arn") return `arn:aws:local:${this.region}:${LOCAL_ACCOUNT}:${type}/${displayName}`;
    if (attribute === "id") return this.localId(type, name);
    throw new UnresolvableReference(expression);
  }

  /** A template string rendered with local stand-ins. */
  render(text: string): string {
    return renderTemplate(text, (reference) => this.standIn(reference));
  }
}
