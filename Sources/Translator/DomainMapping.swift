extension DiagnosticID {
    static let domainsWithoutWeb: DiagnosticID = "domains.no-web-service"
    static let domainsWildcard: DiagnosticID = "domains.wildcard"
    static let domainsIPAddress: DiagnosticID = "domains.ip-address"
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
        var kept: [String] = []
        for domain in domains {
            if Self.isIPAddress(domain.hostname) {
                // A Let's Encrypt certificate (Convox's only automatic kind) is issued for names, never addresses,
                // and a router is reached by CNAME, which an address cannot be.
                diagnostics.warning(
                    .domainsIPAddress, "\(domain.hostname) is an IP address, which Convox cannot serve as a domain "
                        + "(no certificate, no CNAME to the router); it is left out", at: domain.location,
                    hint: "give it a hostname and point that at the router shown by `convox rack`")
                continue
            }
            if domain.hostname.hasPrefix("*.") && options.generation == .three {
                // convox/convox docs/deployment/custom-domains.md: wildcards need DNS-01 and a pre-made certificate.
                // Generation 2 requests an ACM certificate with `convox certs generate`, which covers wildcards.
                diagnostics.warning(
                    .domainsWildcard, "\(domain.hostname) is a wildcard domain; Convox's default HTTP-01 certificates "
                        + "cannot cover it, so it is kept but needs a certificate made first", at: domain.location,
                    hint: "run `convox certs generate \"\(domain.hostname)\" --issuer letsencrypt` (DNS-01) and set "
                        + "its id as the service's `certificate:`")
            }
            kept.append(domain.hostname)
        }
        guard !kept.isEmpty else { return }
        app.services[web].domains = kept
    }

    /// Dotted-quad IPv4 (an IPv6 address has `:`, which no hostname check lets through).
    static func isIPAddress(_ hostname: String) -> Bool {
        let parts = hostname.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                && (Int(part) ?? 256) <= 255
        }
    }
}
