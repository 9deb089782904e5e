#!/usr/bin/env bash
# The AWS CLI v2 against a freshly started dynamo4j server: the commands people type, with their
# exit statuses and outputs checked. Dummy credentials, region us-east-1, --endpoint-url on every
# call; nothing reaches AWS.
#
# Usage: scripts/awscli-smoke.sh [--endpoint URL]
#   Without --endpoint it starts server/target/dynamo4j-server.jar (build it with
#   `mvn -B -q -pl server -am package -DskipTests`) on a free port and stops it with SIGTERM at the end.
# Environment:
#   AWS_CLI               the aws executable (default: the first AWS CLI v2 of /usr/bin/aws and `aws` on PATH)
#   DYNAMO4J_SERVER_JAR   the launcher jar (default: server/target/dynamo4j-server.jar)
# Exit status: 0 all steps passed, 1 a step failed, 3 no AWS CLI v2 found.
set -uo pipefail

cd "$(dirname "$0")/.."
ENDPOINT=""
if [[ "${1:-}" == "--endpoint" ]]; then
  ENDPOINT="${2:?--endpoint needs a URL}"
fi

# --- the AWS CLI ---------------------------------------------------------------------------------
AWS="${AWS_CLI:-}"
if [[ -z "$AWS" ]]; then
  for candidate in /usr/bin/aws "$(command -v aws 2>/dev/null || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]] && "$candidate" --version 2>&1 | grep -q '^aws-cli/2\.'; then
      AWS="$candidate"
      break
    fi
  done
fi
if [[ -z "$AWS" ]]; then
  echo "awscli-smoke: no AWS CLI v2 found (install the Debian package awscli, or set AWS_CLI)" >&2
  exit 3
fi

export AWS_ACCESS_KEY_ID=smokekey AWS_SECRET_ACCESS_KEY=smokesecret
export AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
export AWS_EC2_METADATA_DISABLED=true AWS_PAGER="" AWS_CLI_AUTO_PROMPT=off
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_ENDPOINT_URL_DYNAMODB 2>/dev/null || true

# --- the server ----------------------------------------------------------------------------------
SERVER_PID=""
SERVER_LOG=""
stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    kill -TERM "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=""
  fi
}
trap stop_server EXIT

if [[ -z "$ENDPOINT" ]]; then
  JAR="${DYNAMO4J_SERVER_JAR:-server/target/dynamo4j-server.jar}"
  if [[ ! -f "$JAR" ]]; then
    echo "awscli-smoke: $JAR not found; build it with: mvn -B -q -pl server -am package -DskipTests" >&2
    exit 1
  fi
  SERVER_LOG="$(mktemp)"
  java -XX:SharedArchiveFile="${JAR%.jar}.jsa" -jar "$JAR" --port 0 > "$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    ENDPOINT="$(grep -o 'listening on http://[^ ]*' "$SERVER_LOG" | head -1 | sed 's/listening on //')"
    [[ -n "$ENDPOINT" ]] && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "awscli-smoke: the server exited:" >&2
      cat "$SERVER_LOG" >&2
      exit 1
    fi
    sleep 0.1
  done
  if [[ -z "$ENDPOINT" ]]; then
    echo "awscli-smoke: the server did not start within 30 s:" >&2
    cat "$SERVER_LOG" >&2
    exit 1
  fi
fi
echo "awscli-smoke: $("$AWS" --version 2>&1) against $ENDPOINT"

# --- steps ---------------------------------------------------------------------------------------
PASSED=0
FAILED=0
OUT=""
ERR=""
STATUS=0

ddb() {
  local errfile
  errfile="$(mktemp)"
  OUT="$("$AWS" dynamodb "$@" --endpoint-url "$ENDPOINT" --region us-east-1 2>"$errfile")"
  STATUS=$?
  ERR="$(cat "$errfile")"
  rm -f "$errfile"
}

# step NAME -- runs function step_NAME and reports it
step() {
  local name="$1"
  if "step_$name"; then
    PASSED=$((PASSED + 1))
    echo "  ok    $name"
  else
    FAILED=$((FAILED + 1))
    echo "  FAIL  $name"
    echo "        exit status: $STATUS"
    echo "        stdout: $OUT"
    echo "        stderr: $ERR"
  fi
}

expect_ok() {
  [[ $STATUS -eq 0 ]]
}

# A DynamoDB error: the CLI exits 254 ("the service returned an error") and names it.
expect_error() {
  local code="$1" text="$2"
  [[ $STATUS -eq 254 && "$ERR" == *"($code)"* && "$ERR" == *"$text"* ]]
}

T=smoke-orders

step_create_table_with_gsi() {
  ddb create-table --table-name "$T" \
    --attribute-definitions AttributeName=customer,AttributeType=S AttributeName=order_id,AttributeType=N \
      AttributeName=status,AttributeType=S \
    --key-schema AttributeName=customer,KeyType=HASH AttributeName=order_id,KeyType=RANGE \
    --global-secondary-indexes 'IndexName=by-status,KeySchema=[{AttributeName=status,KeyType=HASH}],Projection={ProjectionType=ALL}' \
    --billing-mode PAY_PER_REQUEST \
    --query 'TableDescription.[TableName,GlobalSecondaryIndexes[0].IndexName]' --output text
  expect_ok && [[ "$OUT" == "$T"$'\t'"by-status" ]]
}

step_create_table_again_fails() {
  ddb create-table --table-name "$T" \
    --attribute-definitions AttributeName=customer,AttributeType=S --key-schema AttributeName=customer,KeyType=HASH \
    --billing-mode PAY_PER_REQUEST
  expect_error ResourceInUseException "Table already exists: $T"
}

step_describe_table() {
  ddb describe-table --table-name "$T" --query 'Table.[TableStatus,KeySchema[1].AttributeName]' --output text
  expect_ok && [[ "$OUT" == "ACTIVE"$'\t'"order_id" ]]
}

step_wait_table_exists() {
  ddb wait table-exists --table-name "$T"
  expect_ok
}

step_describe_missing_table_fails() {
  ddb describe-table --table-name no-such-table
  expect_error ResourceNotFoundException "Requested resource not found: Table: no-such-table not found"
}

step_put_item() {
  ddb put-item --table-name "$T" --item '{"customer":{"S":"alice"},"order_id":{"N":"1"},"status":{"S":"open"},
    "total":{"N":"12.50"},"lines":{"L":[{"S":"apple"},{"S":"pear"}]},"tags":{"SS":["x","y"]}}'
  expect_ok || return 1
  ddb put-item --table-name "$T" --item '{"customer":{"S":"alice"},"order_id":{"N":"2"},"status":{"S":"shipped"},"total":{"N":"3"}}'
  expect_ok
}

step_get_item() {
  ddb get-item --table-name "$T" --key '{"customer":{"S":"alice"},"order_id":{"N":"1"}}' --consistent-read \
    --query 'Item.[total.N,lines.L[1].S,status.S]' --output text
  expect_ok && [[ "$OUT" == "12.5"$'\t'"pear"$'\t'"open" ]]
}

step_get_item_wrong_key_type_fails() {
  ddb get-item --table-name "$T" --key '{"customer":{"N":"1"},"order_id":{"N":"1"}}'
  expect_error ValidationException "The provided key element does not match the schema"
}

step_query() {
  ddb query --table-name "$T" --key-condition-expression 'customer = :c AND order_id > :o' \
    --expression-attribute-values '{":c":{"S":"alice"},":o":{"N":"1"}}' --query '[Count,Items[0].status.S]' --output text
  expect_ok && [[ "$OUT" == "1"$'\t'"shipped" ]]
}

step_query_index() {
  ddb query --table-name "$T" --index-name by-status --key-condition-expression '#s = :s' \
    --expression-attribute-names '{"#s":"status"}' --expression-attribute-values '{":s":{"S":"open"}}' \
    --query 'Items[0].order_id.N' --output text
  expect_ok && [[ "$OUT" == "1" ]]
}

step_scan() {
  ddb scan --table-name "$T" --query 'Count' --output text
  expect_ok && [[ "$OUT" == "2" ]]
}

step_update_item() {
  ddb update-item --table-name "$T" --key '{"customer":{"S":"alice"},"order_id":{"N":"1"}}' \
    --update-expression 'SET #s = :s, #t = #t + :d ADD tags :tags REMOVE #l' \
    --condition-expression 'attribute_exists(customer)' \
    --expression-attribute-names '{"#s":"status","#t":"total","#l":"lines"}' \
    --expression-attribute-values '{":s":{"S":"paid"},":d":{"N":"0.5"},":tags":{"SS":["z"]}}' \
    --return-values ALL_NEW --query 'Attributes.[status.S,total.N,length(tags.SS)]' --output text
  expect_ok && [[ "$OUT" == "paid"$'\t'"13"$'\t'"3" ]]
}

step_conditional_put_fails() {
  ddb put-item --table-name "$T" --item '{"customer":{"S":"alice"},"order_id":{"N":"1"},"status":{"S":"lost"}}' \
    --condition-expression 'attribute_not_exists(customer)'
  expect_error ConditionalCheckFailedException "The conditional request failed" || return 1
  ddb get-item --table-name "$T" --key '{"customer":{"S":"alice"},"order_id":{"N":"1"}}' --query 'Item.status.S' --output text
  expect_ok && [[ "$OUT" != "lost" ]]
}

step_batch_write_item() {
  ddb batch-write-item --request-items '{"'"$T"'":[
    {"PutRequest":{"Item":{"customer":{"S":"bob"},"order_id":{"N":"10"},"status":{"S":"open"}}}},
    {"PutRequest":{"Item":{"customer":{"S":"bob"},"order_id":{"N":"11"},"status":{"S":"open"}}}},
    {"DeleteRequest":{"Key":{"customer":{"S":"alice"},"order_id":{"N":"2"}}}}]}' \
    --query 'length(UnprocessedItems)' --output text
  expect_ok && [[ "$OUT" == "0" ]] || return 1
  ddb get-item --table-name "$T" --key '{"customer":{"S":"bob"},"order_id":{"N":"11"}}' --query 'Item.status.S' --output text
  expect_ok && [[ "$OUT" == "open" ]]
}

step_transact_write_items() {
  ddb transact-write-items --transact-items '[
    {"Put":{"TableName":"'"$T"'","Item":{"customer":{"S":"carol"},"order_id":{"N":"20"},"status":{"S":"open"}}}},
    {"Update":{"TableName":"'"$T"'","Key":{"customer":{"S":"bob"},"order_id":{"N":"10"}},
      "UpdateExpression":"SET #s = :s","ExpressionAttributeNames":{"#s":"status"},
      "ExpressionAttributeValues":{":s":{"S":"paid"}}}}]'
  expect_ok || return 1
  ddb transact-write-items --transact-items '[
    {"ConditionCheck":{"TableName":"'"$T"'","Key":{"customer":{"S":"nobody"},"order_id":{"N":"0"}},
      "ConditionExpression":"attribute_exists(customer)"}}]'
  expect_error TransactionCanceledException "ConditionalCheckFailed"
}

step_delete_table() {
  ddb delete-table --table-name "$T" --query 'TableDescription.TableName' --output text
  expect_ok && [[ "$OUT" == "$T" ]] || return 1
  ddb describe-table --table-name "$T"
  expect_error ResourceNotFoundException "Requested resource not found"
}

step create_table_with_gsi
step create_table_again_fails
step describe_table
step wait_table_exists
step describe_missing_table_fails
step put_item
step get_item
step get_item_wrong_key_type_fails
step query
step query_index
step scan
step update_item
step conditional_put_fails
step batch_write_item
step transact_write_items
step delete_table

if [[ -n "$SERVER_PID" ]]; then
  stop_server
  if ! grep -q 'dynamo4j-server stopped' "$SERVER_LOG"; then
    echo "  FAIL  server_stops_on_sigterm"
    cat "$SERVER_LOG"
    FAILED=$((FAILED + 1))
  else
    PASSED=$((PASSED + 1))
    echo "  ok    server_stops_on_sigterm"
  fi
  rm -f "$SERVER_LOG"
fi

echo "awscli-smoke: steps passed $PASSED, failed $FAILED"
[[ $FAILED -eq 0 ]]
