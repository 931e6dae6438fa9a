module "api_gateway_multi" {
  source = "./modules/api-gateway"

  name_prefix = "multi-api"
  
  # Multiple REST APIs
  rest_apis = {
    public_api = {
      description = "Public-facing REST API"
      
      endpoint_configuration = {
        types = ["EDGE"]
      }
      
      stages = {
        prod = {
          cache_cluster_enabled = true
          cache_cluster_size   = "1.6"
          
          throttle_settings = {
            throttling_rate_limit  = 2000
            throttling_burst_limit = 4000
          }
        }
      }
    }
    
    admin_api = {
      description = "Administrative REST API"
      
      endpoint_configuration = {
        types = ["REGIONAL"]
      }
      
      stages = {
        admin = {
          throttle_settings = {
            throttling_rate_limit  = 100
            throttling_burst_limit = 200
            logging_level        = "INFO"
            data_trace_enabled   = true
          }
        }
      }
      
      # IP restrictions for admin API
      policy = jsonencode({
        Version = "2012-10-17"
        Statement = [
          {
            Effect = "Allow"
            Principal = "*"
            Action = "execute-api:Invoke"
            Resource = "*"
            Condition = {
              IpAddress = {
                "aws:SourceIp" = ["10.0.0.0/8", "172.16.0.0/12"]
              }
            }
          }
        ]
      })
    }
  }
  
  # Multiple HTTP APIs
  http_apis = {
    mobile_api = {
      description = "Mobile application API"
      
      cors_configuration = {
        allow_credentials = false
        allow_headers     = ["content-type"]
        allow_methods     = ["GET", "POST"]
        allow_origins     = ["*"]
      }
      
      stages = {
        mobile = {
          auto_deploy = true
          
          default_route_settings = {
            throttling_rate_limit = 1000
          }
        }
      }
    }
    
    iot_api = {
      description = "IoT devices API"
      
      stages = {
        devices = {
          auto_deploy = true
          
          default_route_settings = {
            throttling_rate_limit   = 5000
            throttling_burst_limit  = 10000
            detailed_metrics_enabled = true
          }
        }
      }
    }
  }
  
  common_tags = {
    Environment = "production"
    Project = "multi-service"
  }
}
