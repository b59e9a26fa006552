#!/usr/bin/env bash
# Lists the NEW tickets, newest first, with an API token that has tickets:read.
#   TOKEN=$(pnpm caredesk token create --staff you@studio.example --scopes tickets:read)
#   CAREDESK_URL=http://localhost:4000 TOKEN=$TOKEN ./list-new-tickets.sh
set -euo pipefail
url=${CAREDESK_URL:-http://localhost:4000}
curl -sS "$url/graphql" \
  -H "authorization: Bearer ${TOKEN:?set TOKEN to an API token}" \
  -H 'content-type: application/json' \
  -d '{"query":"{ tickets(first: 20, filter: { statuses: [NEW] }) { edges { node { displayNumber priority title organization { name } } } } }"}'
echo
