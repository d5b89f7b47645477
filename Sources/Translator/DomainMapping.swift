extension DiagnosticID {
    static let domainsWithoutWeb: DiagnosticID = "domains.no-web-service"
}

extension AppTranslator {
    /// Custom domains move to the web service's `domain:`, the only service Heroku routed them to.
    func applyDomains(_ domains: [HerokuDomain]?, to app: inout AppIR, into diagnostics: inout Diagnostics) {
        guard let domains, !domains.isEmpty else { return }
        guard let web = app.services.firstIndex(where: { $0.role == .web }) else {
            diagnostics.warning(
                .domainsWithoutWeb, "the app has custom domains but no web service to route them to",
                at: domains.first?.location, hint: "add a web process type, then run translate again")
            return
        }
        app.services[web].domains = domains.map(\.hostname)
    }
}
