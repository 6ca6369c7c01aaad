package io.tickflow.notify.adapter.in.web;

import io.tickflow.notify.apikey.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request to {@code /api/} through only with a valid API key, as {@code Authorization: Bearer tfk_...} or
 * {@code X-Api-Key: tfk_...}, and tells the handlers whose it is (the {@value #OWNER} request attribute). Everything
 * else (health, metrics) passes untouched.
 */
public final class ApiKeyAuthentication extends OncePerRequestFilter {

    /** The request attribute holding the caller's owner name. */
    public static final String OWNER = "tickflow.owner";

    private final ApiKeys keys;

    public ApiKeyAuthentication(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> owner = presentedKey(request).flatMap(keys::owner);
        if (owner.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tickflow\"");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter()
                    .write("{\"error\":\"A valid API key is needed: Authorization: Bearer tfk_... (issue one with"
                            + " ./tickflow api-keys issue OWNER)\"}");
            return;
        }
        request.setAttribute(OWNER, owner.get());
        chain.doFilter(request, response);
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        return Optional.ofNullable(request.getHeader("X-Api-Key")).map(String::trim);
    }
}
