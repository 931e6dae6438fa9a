module "api_gateway_domains" {
  source = "./modules/api-gateway"

  name_prefix = "branded-api"
  
  rest_apis = {
    public = {
      description = "Public API with custom domain"
      
      endpoint_configuration = {
        types = ["EDGE"]
      }
      
      stages = {
        v1 = {
          stage_description = "Version 1 API"
          
          throttle_settings = {
            throttling_rate_limit  = 1000
            throttling_burst_limit = 2000
          }
        }
      }
    }
  }
  
  http_apis = {
    modern = {
      description = "Modern API with regional custom domain"
      
      stages = {
        v2 = {
          description = "Version 2 API"
          auto_deploy = true
        }
      }
    }
  }
  
  # REST API Custom Domain (Edge-optimized)
  rest_api_custom_domains = {
    api_domain = {
      api_name        = "public"
      domain_name     = "api.mycompany.com"
      certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
      
      endpoint_configuration = {
        types = ["EDGE"]
      }
      
      base_path_mappings = {
        stage_name = "v1"
        base_path  = "v1"
      }
      
      # Mutual TLS Authentication
      mutual_tls_authentication = {
        truststore_uri     = "s3://my-truststore-bucket/truststore.pem"
        truststore_version = "v1.0"
      }
    }
  }
  
  # HTTP API Custom Domain (Regional)
  http_api_custom_domains = {
    modern_domain = {
      api_name    = "modern"
      domain_name = "api-v2.mycompany.com"
      
      domain_name_configuration = {
        certificate_arn                        = "arn:aws:acm:us-east-1:123456789012:certificate/87654321-4321-4321-4321-210987654321"
        endpoint_type                         = "REGIONAL"
        security_policy                       = "TLS_1_2"
      }
      
      api_mapping = {
        stage = "v2"
      }
    }
  }
}
