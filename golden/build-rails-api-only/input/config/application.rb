require_relative "boot"
require "rails/all"

module Api
  class Application < Rails::Application
    config.load_defaults 7.2
    # Only loads a smaller set of middleware suitable for API only apps.
    config.api_only = true
  end
end
