package dev.fluxbase.ai.providers.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for provider API keys and secret settings. The stored form is {@code version(1) | nonce(12) | ciphertext+tag};
 * the provider's id (a secret setting's place) is authenticated with it, so a key copied onto another row does not decrypt.
 *
 * <p>The secret is either 32 random bytes in base64 ({@code openssl rand -base64 32}), used as they
 * are, or any other text, taken as a passphrase and stretched with PBKDF2-HMAC-SHA256.
 */
final class ApiKeyCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final int PBKDF2_ITERATIONS = 310_000;
    // A fixed salt: the derived key must be the same on every instance and after every restart.
    private static final byte[] PBKDF2_SALT = "fluxbase-ai/provider-api-keys/v1".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private ApiKeyCipher(SecretKey key) {
        this.key = key;
    }

    static ApiKeyCipher fromSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("empty encryption key");
        }
        byte[] raw = rawKey(secret.strip());
        return new ApiKeyCipher(new SecretKeySpec(raw != null ? raw : derive(secret.strip()), "AES"));
    }

    byte[] encrypt(String plaintext, String providerId) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(providerId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws IllegalArgumentException when the value was not sealed with this key for this provider */
    String decrypt(byte[] stored, String providerId) {
        if (stored == null || stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IllegalArgumentException("not an encrypted API key");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(providerId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the API key cannot be decrypted with this encryption key", e);
        }
    }

    private static byte[] rawKey(String secret) {
        try {
            byte[] decoded = Base64.getDecoder().decode(secret);
            return decoded.length == KEY_BYTES ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] derive(String passphrase) {
        try {
            PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), PBKDF2_SALT, PBKDF2_ITERATIONS, KEY_BYTES * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }
}
