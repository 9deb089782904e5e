package io.dynamo4j.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dynamo4j.error.IncompleteSignatureException;
import io.dynamo4j.error.MissingAuthenticationTokenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "AWS4-HMAC-SHA256 Credential=AKID1/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=ab|AKID1",
    "AWS4-HMAC-SHA256 Credential=key-two/20260101/eu-west-1/dynamodb/aws4_request,SignedHeaders=host,Signature=ab|key-two",
    "AWS4-HMAC-SHA256 Credential=k/20260101/us-east-1/dynamodb/aws4_request/ SignedHeaders=host Signature=ab|k"
  })
  void accessKeyId_signedHeader_isTheCredentialsKey(String header, String key) {
    assertThat(Authorization.accessKeyId(header, true)).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer x", ""})
  void accessKeyId_notSigV4_missingAuthenticationToken(String header) {
    assertThatThrownBy(() -> Authorization.accessKeyId(header, true))
        .isInstanceOf(MissingAuthenticationTokenException.class).hasMessage("Request is missing Authentication Token");
  }

  @Test
  void accessKeyId_absent_missingAuthenticationToken() {
    assertThatThrownBy(() -> Authorization.accessKeyId(null, true)).isInstanceOf(MissingAuthenticationTokenException.class);
  }

  @Test
  void accessKeyId_nothingButTheAlgorithm_namesEveryMissingPart() {
    assertThatThrownBy(() -> Authorization.accessKeyId("AWS4-HMAC-SHA256", false))
        .isInstanceOf(IncompleteSignatureException.class)
        .hasMessage("Authorization header requires 'Credential' parameter. "
            + "Authorization header requires 'Signature' parameter. "
            + "Authorization header requires 'SignedHeaders' parameter. "
            + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
            + "Authorization=AWS4-HMAC-SHA256");
  }

  @Test
  void accessKeyId_credentialWithoutFiveElements_incompleteSignature() {
    assertThatThrownBy(() -> Authorization.accessKeyId(
        "AWS4-HMAC-SHA256 Credential=a/b/c/d, SignedHeaders=host, Signature=x", true))
        .isInstanceOf(IncompleteSignatureException.class)
        .hasMessage("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'");
  }
}
