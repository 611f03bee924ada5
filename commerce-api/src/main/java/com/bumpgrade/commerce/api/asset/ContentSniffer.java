package com.bumpgrade.commerce.api.asset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The content type of an asset, detected from its first bytes (the signatures of the formats creators sell), never
 * taken from the request: a declared type says nothing about the bytes. Unknown is application/octet-stream.
 */
final class ContentSniffer {
    private static final int HEAD = 16;
    private final byte[] head = new byte[HEAD];
    private int seen;

    void feed(ByteBuffer bytes) {
        ByteBuffer view = bytes.duplicate();
        while (seen < HEAD && view.hasRemaining()) {
            head[seen++] = view.get();
        }
    }

    String type() {
        if (starts("%PDF-")) {
            return "application/pdf";
        }
        if (starts(new int[] {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})) {
            return "image/png";
        }
        if (starts(new int[] {0xff, 0xd8, 0xff})) {
            return "image/jpeg";
        }
        if (starts("GIF87a") || starts("GIF89a")) {
            return "image/gif";
        }
        if (starts("RIFF") && at(8, "WEBP")) {
            return "image/webp";
        }
        if (starts("RIFF") && at(8, "WAVE")) {
            return "audio/wav";
        }
        if (starts(new int[] {'P', 'K', 0x03, 0x04})) {
            return "application/zip";
        }
        if (at(4, "ftyp")) {
            return at(8, "M4A ") ? "audio/mp4" : "video/mp4";
        }
        if (starts("ID3") || starts(new int[] {0xff, 0xfb})) {
            return "audio/mpeg";
        }
        if (starts(new int[] {0x1a, 0x45, 0xdf, 0xa3})) {
            return "video/webm";
        }
        if (starts("OggS")) {
            return "audio/ogg";
        }
        if (starts(new int[] {0x1f, 0x8b})) {
            return "application/gzip";
        }
        return "application/octet-stream";
    }

    private boolean starts(String ascii) {
        return at(0, ascii);
    }

    private boolean at(int offset, String ascii) {
        byte[] wanted = ascii.getBytes(StandardCharsets.US_ASCII);
        if (seen < offset + wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (head[offset + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean starts(int[] wanted) {
        if (seen < wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if ((head[i] & 0xff) != wanted[i]) {
                return false;
            }
        }
        return true;
    }
}
