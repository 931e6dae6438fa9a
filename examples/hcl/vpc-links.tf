module "api_gateway_vpc" {
  source = "./modules/api-gateway"

  name_prefix = "internal-api"
  
  # VPC Links for private integrations
  vpc_links = {
    internal_services = {
      description = "VPC Link to internal microservices"
      target_arns = ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/internal-nlb/1234567890123456"]
    }
  }
  
  http_apis = {
    internal = {
      description = "Internal API with VPC connectivity"
      
      stages = {
        internal = {
          description = "Internal services stage"
          auto_deploy = true
        }
      }
      
      integrations = {
        user_service = {
          integration_type = "HTTP_PROXY"
          integration_uri  = "http://user-service.internal"
          connection_type  = "VPC_LINK"
          connection_id   = "internal_services"  # Reference to VPC Link
          timeout_milliseconds = 10000
        }
        
        order_service = {
          integration_type = "HTTP_PROXY"
          integration_uri  = "http://order-service.internal/{proxy}"
          connection_type  = "VPC_LINK"
          connection_id   = "internal_services"
          
          # TLS configuration for backend
          tls_config = {
            server_name_to_verify = "order-service.internal"
          }
        }
      }
      
      routes = {
        users_api = {
          route_key          = "ANY /users/{proxy+}"
          target            = "integrations/user_service"
          authorization_type = "AWS_IAM"
        }
        
        orders_api = {
          route_key          = "ANY /orders/{proxy+}"
          target            = "integrations/order_service"
          authorization_type = "AWS_IAM"
        }
      }
    }
  }
}
