module "api_gateway_secure" {
  source = "./modules/api-gateway"

  name_prefix = "secure-api"
  
  rest_apis = {
    enterprise = {
      description = "Enterprise API with comprehensive security"
      
      endpoint_configuration = {
        types = ["PRIVATE"]
        vpc_endpoint_ids = ["vpce-12345678"]
      }
      
      # Resource policy for private API
      policy = jsonencode({
        Version = "2012-10-17"
        Statement = [
          {
            Effect = "Allow"
            Principal = "*"
            Action = "execute-api:Invoke"
            Resource = "*"
            Condition = {
              StringEquals = {
                "aws:SourceVpce" = "vpce-12345678"
              }
            }
          }
        ]
      })
      
      stages = {
        secure = {
          stage_description = "Secure production stage"
          
          cache_cluster_enabled = true
          cache_cluster_size   = "6.1"
          
          throttle_settings = {
            throttling_rate_limit  = 500
            throttling_burst_limit = 1000
            metrics_enabled       = true
            logging_level        = "ERROR"
            data_trace_enabled   = false  # Security: disable detailed logging
            caching_enabled      = true
            cache_ttl_in_seconds = 300
            require_authorization_for_cache_control = true
          }
          
          access_log_settings = {
            destination_arn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigateway/secure-api"
            format = "$requestId $ip $requestTime $httpMethod $resourcePath $status $responseLength $responseTime"
          }
        }
      }
      
      # API Keys and Usage Plans
      api_keys = {
        partner_key = {
          description = "Partner API access key"
          enabled     = true
        }
        
        internal_key = {
          description = "Internal service API key"
          enabled     = true
        }
      }
      
      usage_plans = {
        partner_plan = {
          description = "Partner usage plan with rate limiting"
          
          api_stages = [{
            stage = "secure"
            throttle = {
              rate_limit  = 100
              burst_limit = 200
              path       = "/partner/*"
            }
          }]
          
          quota_settings = {
            limit  = 10000
            period = "MONTH"
            offset = 0
          }
          
          throttle_settings = {
            rate_limit  = 100
            burst_limit = 200
          }
        }
      }
      
      # Lambda Authorizer
      authorizers = {
        token_auth = {
          name                             = "TokenAuthorizer"
          type                            = "TOKEN"
          authorizer_uri                  = "arn:aws:lambda:us-east-1:123456789012:function:token-authorizer"
          authorizer_result_ttl_in_seconds = 300
          identity_source                 = "method.request.header.Authorization"
          identity_validation_expression   = "^Bearer [-0-9A-Za-z\\.]+$"
        }
        
        cognito_auth = {
          name          = "CognitoAuthorizer"
          type         = "COGNITO_USER_POOLS"
          provider_arns = ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_XXXXXXXXX"]
        }
      }
      
      # WAF Integration
      waf_acl_arn = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/secure-api-waf/12345678-1234-1234-1234-123456789012"
      
      tags = {
        Security = "High"
        Access = "Private"
        Compliance = "Required"
      }
    }
  }
}
