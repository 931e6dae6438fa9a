module "api_gateway_http" {
  source = "./modules/api-gateway"

  name_prefix = "modern-app"
  
  http_apis = {
    api_v2 = {
      description = "Modern HTTP API with JWT authentication"
      version     = "2.0"
      
      cors_configuration = {
        allow_credentials = true
        allow_headers     = ["content-type", "x-amz-date", "authorization"]
        allow_methods     = ["GET", "POST", "PUT", "DELETE", "OPTIONS"]
        allow_origins     = ["https://myapp.com", "https://dev.myapp.com"]
        expose_headers    = ["x-request-id"]
        max_age          = 86400
      }
      
      stages = {
        v2 = {
          description = "Version 2 API stage"
          auto_deploy = true
          
          default_route_settings = {
            data_trace_enabled       = true
            detailed_metrics_enabled = true
            logging_level           = "INFO"
            throttling_rate_limit   = 2000
            throttling_burst_limit  = 4000
          }
          
          access_log_settings = {
            destination_arn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigateway/http-api"
            format = jsonencode({
              requestId      = "$context.requestId"
              ip            = "$context.identity.sourceIp"
              requestTime   = "$context.requestTime"
              httpMethod    = "$context.httpMethod"
              routeKey      = "$context.routeKey"
              status        = "$context.status"
              protocol      = "$context.protocol"
              responseLength = "$context.responseLength"
              error         = "$context.error.message"
              integrationError = "$context.integration.error"
            })
          }
        }
      }
      
      # JWT Authorizer with Cognito
      jwt_authorizers = {
        cognito_auth = {
          name     = "CognitoAuthorizer"
          audience = ["client-id-1", "client-id-2"]
          issuer   = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_XXXXXXXXX"
        }
      }
      
      # Lambda Authorizer
      lambda_authorizers = {
        custom_auth = {
          name                            = "CustomAuthorizer"
          authorizer_type                 = "REQUEST"
          authorizer_uri                  = "arn:aws:lambda:us-east-1:123456789012:function:custom-authorizer"
          identity_sources               = ["$request.header.Authorization"]
          authorizer_payload_format_version = "2.0"
          authorizer_result_ttl_in_seconds = 300
          enable_simple_responses        = true
        }
      }
      
      # Integrations
      integrations = {
        lambda_proxy = {
          integration_type    = "AWS_PROXY"
          integration_method  = "POST"
          integration_uri     = "arn:aws:lambda:us-east-1:123456789012:function:api-handler"
          payload_format_version = "2.0"
          timeout_milliseconds = 29000
        }
        
        http_backend = {
          integration_type   = "HTTP_PROXY"
          integration_method = "ANY"
          integration_uri    = "https://backend.internal.com/{proxy}"
          timeout_milliseconds = 5000
        }
        
        vpc_service = {
          integration_type = "HTTP_PROXY"
          integration_uri  = "http://internal-service.vpc"
          connection_type  = "VPC_LINK"
          connection_id   = "vpc-link-id"
        }
      }
      
      # Routes
      routes = {
        get_users = {
          route_key          = "GET /users"
          target            = "integrations/lambda_proxy"
          authorization_type = "JWT"
          authorizer_id     = "cognito_auth"
        }
        
        post_users = {
          route_key          = "POST /users"
          target            = "integrations/lambda_proxy"
          authorization_type = "CUSTOM"
          authorizer_id     = "custom_auth"
        }
        
        proxy_backend = {
          route_key          = "ANY /api/{proxy+}"
          target            = "integrations/http_backend"
          authorization_type = "AWS_IAM"
        }
      }
      
      tags = {
        API = "Modern"
        Version = "2.0"
        Authentication = "JWT"
      }
    }
  }
  
  # Global configuration
  enable_cloudwatch_logs = true
  log_retention_days     = 30
  
  common_tags = {
    Environment = "production"
    Project = "modern-api"
  }
}
