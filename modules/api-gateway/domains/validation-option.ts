import { terraformExpressionString } from "../../common/terraform-expression.js";

/**
 * A field of one entry of an ACM certificate's `domain_validation_options`, as a Terraform expression. The entry is
 * picked by the validated name, which comes from config, so the record that uses it has a config-derived address
 * and plans offline (no `for_each` over values known only after apply).
 *
 * @example validationOption("aws_acm_certificate.apigw__edge__api_example_com", "api.example.com", "resource_record_name")
 */
export function validationOption(certificateAddress: string, optionName: string, field: "resource_record_name" | "resource_record_type" | "resource_record_value"): string {
  return terraformExpressionString(`{ for o in ${certificateAddress}.domain_validation_options : o.domain_name => o }[${JSON.stringify(optionName)}].${field}`);
}
