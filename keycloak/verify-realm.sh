#!/usr/bin/env bash
# Checks a running Keycloak against what Rapport expects from realm "rapport": partner and
# service tokens (client credentials), a user's claims (admin API), what invitations need (customer-service's
# admin rights, the mail server, stored login errors), and a real browser-style authorization-code login with
# PKCE for acme.buyer. Needs curl and python3.
# Usage: keycloak/verify-realm.sh      (Keycloak from keycloak/keycloak.sh start; KEYCLOAK_PORT if not 8180)
set -euo pipefail

KC="http://localhost:${KEYCLOAK_PORT:-8180}"
OIDC="$KC/realms/rapport/protocol/openid-connect"
REDIRECT_URI="http://localhost:8080/login/oauth2/code/keycloak"
ADMIN_USER="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

case "${1:-}" in
  -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0

# check NAME PYTHON-EXPRESSION: evaluates the expression over `c` (the claims of the token in
# $WORK/claims.json) and counts a pass or a failure.
check() {
  if python3 - "$WORK/claims.json" "$2" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
sys.exit(0 if eval(sys.argv[2], {"c": c}) else 1)
EOF
  then
    echo "  ok    $1"; passed=$((passed + 1))
  else
    echo "  FAIL  $1   (claims: $(cat "$WORK/claims.json"))"; failed=$((failed + 1))
  fi
}

# claims FIELD < token response: writes the decoded JWT payload of FIELD to $WORK/claims.json
claims() {
  python3 -c '
import base64, json, sys
resp = json.load(sys.stdin)
if sys.argv[1] not in resp:
    sys.exit("no %s in response: %s" % (sys.argv[1], resp))
p = resp[sys.argv[1]].split(".")[1]
print(json.dumps(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))))
' "$1" > "$WORK/claims.json"
}

client_token() {
  curl -sf -u "$1:$1-secret" -d grant_type=client_credentials "$OIDC/token" | claims access_token
}

curl -sf -o /dev/null "$KC/realms/rapport/.well-known/openid-configuration" \
  || { echo "Keycloak with realm rapport does not answer at $KC (keycloak/keycloak.sh start)"; exit 1; }

echo "Client credentials"
client_token partner-demo
check "partner-demo: scope has orders.read and orders.write" '{"orders.read","orders.write"} <= set(c["scope"].split())'
check "partner-demo: scope has tickets.read and tickets.write" '{"tickets.read","tickets.write"} <= set(c["scope"].split())'
check "partner-demo: aud has rapport-api" '"rapport-api" in c["aud"]'
check "partner-demo: no role internal" '"internal" not in c["realm_access"]["roles"]'
client_token partner-readonly
check "partner-readonly: orders.read but no orders.write" '"orders.read" in c["scope"].split() and "orders.write" not in c["scope"].split()'
check "partner-readonly: tickets.read but no tickets.write" '"tickets.read" in c["scope"].split() and "tickets.write" not in c["scope"].split()'
for svc in customer-service order-tracking-service ticket-service feedback-service portal-web; do
  client_token "$svc"
  check "$svc: role internal, aud rapport-api" '"internal" in c["realm_access"]["roles"] and "rapport-api" in c["aud"]'
done
client_token customer-service
check "customer-service: realm-management roles manage-users, view-users, query-users, view-events and no more" \
  'set(c["resource_access"]["realm-management"]["roles"]) - {"query-groups"} == {"manage-users","view-users","query-users","view-events"}'
for svc in order-tracking-service ticket-service feedback-service portal-web partner-demo; do
  client_token "$svc"
  check "$svc: no realm-management roles" '"realm-management" not in c.get("resource_access", {})'
done
code="$(curl -s -o /dev/null -w '%{http_code}' -u rapport-gateway:rapport-gateway-secret \
          -d grant_type=password -d username=acme.buyer -d password=acme-demo-26 "$OIDC/token")"
echo "{\"status\": $code}" > "$WORK/claims.json"
check "rapport-gateway: password grant refused" 'c["status"] in (400, 401)'

echo "User claims through the admin API (generate-example-access-token)"
admin_token="$(curl -sf -d grant_type=password -d client_id=admin-cli -d "username=$ADMIN_USER" \
  -d "password=$ADMIN_PASSWORD" "$KC/realms/master/protocol/openid-connect/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
admin() { curl -sf -H "Authorization: Bearer $admin_token" "$KC/admin/realms/rapport$1"; }
gateway_id="$(admin '/clients?clientId=rapport-gateway' | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
example() {
  local user_id
  user_id="$(admin "/users?username=$1&exact=true" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
  admin "/clients/$gateway_id/evaluate-scopes/generate-example-access-token?userId=$user_id&scope=openid" > "$WORK/claims.json"
}
example acme.buyer
check "acme.buyer: customer_id acme-retail, role customer, aud rapport-api" \
  'c["customer_id"] == "acme-retail" and "customer" in c["realm_access"]["roles"] and "rapport-api" in c["aud"]'
example globex.buyer
check "globex.buyer: customer_id globex-trading" 'c["customer_id"] == "globex-trading"'
example agent.li
check "agent.li: role agent, no customer_id" '"agent" in c["realm_access"]["roles"] and "customer_id" not in c'
example manager.wang
check "manager.wang: roles manager and agent" '{"manager","agent"} <= set(c["realm_access"]["roles"])'
example admin
check "admin: role admin" '"admin" in c["realm_access"]["roles"]'

echo "Invitations and failed logins: customer-service's admin API rights, mail, events"
service_token="$(curl -sf -u customer-service:customer-service-secret -d grant_type=client_credentials "$OIDC/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
as_service() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $service_token" "$KC/admin/realms/rapport$1"; }
echo "{\"users\": $(as_service '/users?username=acme.buyer&exact=true'), \"events\": $(as_service '/events?type=LOGIN_ERROR&max=1'), \"clients\": $(as_service '/clients?max=1')}" > "$WORK/claims.json"
check "customer-service: reads users and events, not clients" 'c == {"users": 200, "events": 200, "clients": 403}'
admin "" > "$WORK/claims.json"
check "realm: login errors stored (events on, LOGIN_ERROR, kept 7 days or more)" \
  'c["eventsEnabled"] and "LOGIN_ERROR" in c["enabledEventTypes"] and c["eventsExpiration"] >= 7 * 86400'
# shellcheck disable=SC2016  # "${" is Python text: an unresolved placeholder left by Keycloak
check "realm: smtpServer resolved from RAPPORT_SMTP_* (host, port, from)" \
  'all(c["smtpServer"].get(k) and "${" not in c["smtpServer"][k] for k in ("host", "port", "from", "fromDisplayName"))'
admin '/clients?clientId=rapport-gateway' > "$WORK/claims.json"
check "rapport-gateway: the invitation link may lead back to http://localhost:8080/portal" \
  '"http://localhost:8080/portal" in c[0]["redirectUris"]'
group_id="$(admin '/groups?search=customers&exact=true' | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
admin "/groups/$group_id/role-mappings/realm" > "$WORK/claims.json"
check "group customers: realm role customer (invited contacts join it)" '[r["name"] for r in c] == ["customer"]'

echo "Authorization code + PKCE login of acme.buyer (as a browser would)"
auth_url="$OIDC/auth?response_type=code&client_id=rapport-gateway&scope=openid&state=s"
redirect="$(curl -s -o /dev/null -w '%{redirect_url}' "$auth_url&redirect_uri=$(python3 -c 'import sys,urllib.parse as u; print(u.quote(sys.argv[1], safe=""))' "$REDIRECT_URI")")"
echo "{\"redirect\": \"$redirect\"}" > "$WORK/claims.json"
check "rapport-gateway: a request without PKCE is refused" '"error=invalid_request" in c["redirect"]'
code="$(curl -s -o /dev/null -w '%{http_code}' "$auth_url&redirect_uri=http%3A%2F%2Flocalhost%3A9999%2Fevil&code_challenge=$(printf 'a%.0s' {1..43})&code_challenge_method=S256")"
echo "{\"status\": $code}" > "$WORK/claims.json"
check "rapport-gateway: another redirect URI is refused" 'c["status"] == 400'
jar="$WORK/cookies.txt"
verifier="$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')"
challenge="$(python3 -c 'import base64,hashlib,sys; print(base64.urlsafe_b64encode(hashlib.sha256(sys.argv[1].encode()).digest()).rstrip(b"=").decode())' "$verifier")"
curl -sf -c "$jar" -b "$jar" -o "$WORK/login.html" -G "$OIDC/auth" \
  --data-urlencode response_type=code --data-urlencode client_id=rapport-gateway \
  --data-urlencode "redirect_uri=$REDIRECT_URI" --data-urlencode scope=openid \
  --data-urlencode state=verify-state --data-urlencode nonce=verify-nonce \
  --data-urlencode "code_challenge=$challenge" --data-urlencode code_challenge_method=S256
action="$(python3 -c '
import html, re, sys
m = re.search(r"<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", open(sys.argv[1]).read())
print(html.unescape(m.group(1)) if m else "")' "$WORK/login.html")"
[[ -n "$action" ]] || { echo "  FAIL  no form#kc-form-login on the login page"; exit 1; }
location="$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
  --data-urlencode username=acme.buyer --data-urlencode password=acme-demo-26 "$action")"
python3 -c '
import json, sys, urllib.parse as u
url = u.urlparse(sys.argv[1]); q = u.parse_qs(url.query)
print(json.dumps({"target": url._replace(query="").geturl(), "code": q.get("code", [""])[0], "state": q.get("state", [""])[0]}))
' "$location" > "$WORK/claims.json"
check "login: 302 to the redirect URI with a code and our state" \
  'c["target"] == "'"$REDIRECT_URI"'" and c["code"] and c["state"] == "verify-state"'
code="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["code"])' "$WORK/claims.json")"
curl -sf -u rapport-gateway:rapport-gateway-secret -d grant_type=authorization_code \
  --data-urlencode "code=$code" --data-urlencode "redirect_uri=$REDIRECT_URI" \
  --data-urlencode "code_verifier=$verifier" "$OIDC/token" > "$WORK/tokens.json"
claims access_token < "$WORK/tokens.json"
check "access token: customer_id, role customer, aud rapport-api, azp rapport-gateway" \
  'c["customer_id"] == "acme-retail" and "customer" in c["realm_access"]["roles"] and "rapport-api" in c["aud"] and c["azp"] == "rapport-gateway"'
check "access token: lives 300 s" 'c["exp"] - c["iat"] == 300'
claims id_token < "$WORK/tokens.json"
check "id token: customer_id, nonce, email" \
  'c["customer_id"] == "acme-retail" and c["nonce"] == "verify-nonce" and c["email"] == "alice.chen@acme-retail.example"'

echo
echo "$passed passed, $failed failed"
(( failed == 0 ))
