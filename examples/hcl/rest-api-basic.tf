module "api_gateway_basic" {
  source = "./modules/api-gateway"

  name_prefix = "my-app"
  
  rest_apis = {
    main = {
      description = "Main REST API for the application"
      
      endpoint_configuration = {
        types = ["REGIONAL"]
      }
      
      stages = {
        dev = {
          stage_description = "Development stage"
          variables = {
            environment = "development"
            log_level   = "INFO"
          }
          
          throttle_settings = {
            throttling_rate_limit  = 100
            throttling_burst_limit = 200
            metrics_enabled       = true
            logging_level        = "INFO"
          }
          
          xray_tracing_enabled = true
        }
        
        prod = {
          stage_description = "Production stage"
          variables = {
            environment = "production"
            log_level   = "WARN"
          }
          
          cache_cluster_enabled = true
          cache_cluster_size   = "1.6"
          
          throttle_settings = {
            throttling_rate_limit  = 1000
            throttling_burst_limit = 2000
            metrics_enabled       = true
            logging_level        = "ERROR"
          }
        }
      }
      
      tags = {
        API = "Main"
        Purpose = "Application Backend"
      }
    }
  }
  
  common_tags = {
    Environment = "multi-stage"
    Project = "api-demo"
  }
}
