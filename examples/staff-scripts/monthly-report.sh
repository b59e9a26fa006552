#!/usr/bin/env bash
# Downloads an organization's monthly report as PDF and CSV, with an API token that has
# tickets:read (staff), or a contact's session token for its own organization.
#   CAREDESK_URL=http://localhost:4000 TOKEN=cdk_… ORG=T3JnYW5pemF0aW9uOi4uLg== MONTH=2026-11 ./monthly-report.sh
# ORG is the organization's id as the API gives it: { organizations { edges { node { id name } } } }
set -euo pipefail
url=${CAREDESK_URL:-http://localhost:4000}
month=${MONTH:?set MONTH to YYYY-MM}
query='query ($org: ID!, $month: String!) { monthlyReport(organizationId: $org, month: $month) { totals { totalKopecks } pdfUrl csvUrl } }'
answer=$(curl -sS "$url/graphql" \
  -H "authorization: Bearer ${TOKEN:?set TOKEN to an API token}" \
  -H 'content-type: application/json' \
  -H 'accept-language: ru' \
  -d "$(printf '{"query":"%s","variables":{"org":"%s","month":"%s"}}' "$query" "${ORG:?set ORG}" "$month")")
echo "$answer"
# The links are signed and valid for 15 minutes: no token needed to fetch them.
pdf=$(printf '%s' "$answer" | sed -n 's/.*"pdfUrl":"\([^"]*\)".*/\1/p')
csv=$(printf '%s' "$answer" | sed -n 's/.*"csvUrl":"\([^"]*\)".*/\1/p')
curl -sS -o "report-$month.pdf" "$pdf"
curl -sS -o "report-$month.csv" "$csv"
echo "wrote report-$month.pdf and report-$month.csv"
