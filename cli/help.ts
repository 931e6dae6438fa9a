/** The `--help` texts; every flag a command accepts is listed here, and only those. */

export const MAIN_HELP = `Usage: cdktf-apigateway <command> [flags]

Typed AWS API Gateway for Terraform: checks configs and writes one Terraform JSON stack per config.

Commands:
  synth      check every config, then write cdktf.out/stacks/<name>/cdk.tf.json for each
  validate   check every config and write nothing
  lint       synthesize every config in a scratch folder and check it against the security policy rules
  import     turn HCL (module blocks in a .tf file, or a .tfvars file) into config files
  local      serve a config's synthesized stack on 127.0.0.1 with its authorizers, limits and handlers
  token      print a token from the local issuer for the stack local serves
             (local and token run from a checkout of the repository, not the installed package)

Flags for synth, validate, lint and import:
  -h, --help     show the command's usage
  -q, --quiet    print only problems and the one-line summary
      --json     print one JSON document: {ok, problems: [{file, path, message, fix, severity}], ...}

  --version      print the package version

Run cdktf-apigateway <command> --help for the command's own flags.`;

export const SYNTH_HELP = `Usage: cdktf-apigateway synth [--config <file>]... [--out <dir>] [--quiet] [--json]

Checks every config and, only when all are valid, writes one stack per config into
<out>/stacks/<name>/cdk.tf.json. A tenant environment (<tenant>-<environment>) or a bare module config
(named after its file). On any problem it prints one line per problem, starting with the config path,
writes nothing, and exits 1.

Flags:
  -c, --config <file>  a config to synthesize (.ts, .json, .tfvars.json or .tfvars); repeatable; files may
                       also be given without the flag. Default: every config under config/<tenant>/,
                       or the one APIGW_CONFIG names
  -o, --out <dir>      output folder. Default: $CDKTF_OUTDIR, else cdktf.out
  -q, --quiet          print only problems and the summary line
      --json           print {ok, problems, stacks, notices, summary} as JSON on stdout
  -h, --help           show this help`;

export const VALIDATE_HELP = `Usage: cdktf-apigateway validate [--config <file>]... [--quiet] [--json]

Loads and checks every config as synth does (and that no two make the same stack or the same resource
names in one account and region); builds and writes nothing, so it is fast enough for a pre-commit hook. Exits 1 with one line per problem, starting with the config path.

Flags:
  -c, --config <file>  a config to check (.ts, .json, .tfvars.json or .tfvars); repeatable; files may also
                       be given without the flag. Default: every config under config/<tenant>/, or APIGW_CONFIG
  -q, --quiet          print only problems and the summary line
      --json           print {ok, problems, stacks, summary} as JSON on stdout
  -h, --help           show this help`;

export const IMPORT_HELP = `Usage: cdktf-apigateway import <file.tf | file.tfvars | file.tfvars.json>... [--out <dir>] [--format ts|json]
                               [--module <name>]... [--allow-partial] [--quiet] [--json]

Writes one config file per module block of a .tf file (blocks of this product's HCL module, or of
terraform-aws-modules/apigateway-v2/aws, translated into this product's inputs), or one per tfvars file.
jsonencode(...) and file(...) of a file beside the HCL become values. Whatever cannot be translated
(references to variables, resources, locals or modules; other functions) is listed with its config path,
and the command exits 1 writing nothing, unless --allow-partial.

Flags:
  -o, --out <dir>        where the config files go. Default: the current folder
  -f, --format <format>  ts (a defineConfig module, the default) or json (a .tfvars.json)
  -m, --module <name>    import only this module block; repeatable. Default: every block of a known module
      --allow-partial    write the configs even when some values could not be translated (left out)
  -q, --quiet            print only problems and the summary line
      --json             print {ok, problems, notes, files, summary} as JSON on stdout
  -h, --help             show this help`;

export const LINT_HELP = `Usage: cdktf-apigateway lint [--config <file>]... [--strict] [--rules] [--quiet] [--json]

Synthesizes every config in a scratch folder (writes no stack) and runs the policy rules over it: access
logging, X-Ray, cache encryption, data trace, authorization, request validation, WAF, TLS, log group keys,
throttling, CORS, authorizer cache keys, Lambda policy size and API Gateway quotas. One line per finding,
starting with the config path, with the rule id and the fix. Exits 1 when a finding of severity error is left
(with --strict, any finding). Keep a finding on purpose in the config, with a reason:
  lint: { suppressions: [{ rule: "APIGW-REST-WAF", path: "rest_apis.internal", reason: "..." }] }
Suppressions are listed in the security_summary output. synth runs the same rules and prints findings as
warnings.

Flags:
  -c, --config <file>  a config to check; repeatable. Default: every config under config/<tenant>/,
                       or the one APIGW_CONFIG names
      --strict         fail on warnings too
      --rules          list the rules (id, severity, checkov and trivy ids, fix) and exit
  -q, --quiet          print only failing findings and the summary line
      --json           print {ok, problems, findings, summary} as JSON on stdout
  -h, --help           show this help`;

export const LOCAL_HELP = `Usage: cdktf-apigateway local --config <file> [--stage <name>] [--port 3000] [--fixture <file.json>]
                              [--quiet-functions] [--state-dir <dir>]

Synthesizes the config as synth does and serves every HTTP API and REST API stage of the stack on 127.0.0.1
(under /<api>/<stage>/..., or at / when there is one), with its authorizers, API keys, throttling, CORS and
bundled handlers, and an embedded DynamoDB (dynalite) holding the catalog fixture. One log line per request.
Runs until interrupted. A config with problems prints the same lines as synth and exits 1.
Available from a checkout of the repository, not the installed package (docs/local-gateway.md).

Flags:
  --config <file>       the config to serve (required)
  --stage <name>        serve only stages of this name
  --port <port>         the port on 127.0.0.1; 0 picks a free one. Default: 3000
  --fixture <file>      products for the catalog table instead of local/fixtures/catalog.json
  --quiet-functions     do not print the functions' log lines
  --state-dir <dir>     where the issuer key, token profiles and the synthesized stack go. Default: .local
  -h, --help            show this help`;

export const TOKEN_HELP = `Usage: cdktf-apigateway token --tenant <id> --role <guest|user|moderator|admin> [--scope <scope>]...
                              [--expires 1h] [--sub <subject>] [--profile <n>] [--state-dir <dir>]

Prints a JWT signed by the local issuer for the issuer, audience and claim names of the stack local serves
(written to <state-dir>/token-profiles.json when it starts). Available from a checkout of the repository.

Flags:
  --tenant <id>         the tenant claim (required)
  --role <role>         the role claim (required)
  --scope <scope>       a scope; repeatable, or several separated by spaces or commas
  --expires <duration>  1h, 30m, 90s; -1h for an expired token. Default: 1h
  --sub <subject>       the subject claim
  --profile <n>         which JWT authorizer of the stack, when it has several. Default: 0
  --state-dir <dir>     the state folder local uses. Default: .local
  -h, --help            show this help`;
