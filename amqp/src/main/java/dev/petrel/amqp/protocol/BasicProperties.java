package dev.petrel.amqp.protocol;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The basic class's content-header properties ({@code timestamp} in seconds). The wire form is the flags word followed
 * by the present properties in flag order; brokers keep that form as received and decode it only when they must.
 */
public record BasicProperties(
        String contentType,
        String contentEncoding,
        Map<String, Object> headers,
        Integer deliveryMode,
        Integer priority,
        String correlationId,
        String replyTo,
        String expiration,
        String messageId,
        Long timestamp,
        String type,
        String userId,
        String appId,
        String clusterId) {

    public static final int FLAG_CONTENT_TYPE = 1 << 15;
    public static final int FLAG_CONTENT_ENCODING = 1 << 14;
    public static final int FLAG_HEADERS = 1 << 13;
    public static final int FLAG_DELIVERY_MODE = 1 << 12;
    public static final int FLAG_PRIORITY = 1 << 11;
    public static final int FLAG_CORRELATION_ID = 1 << 10;
    public static final int FLAG_REPLY_TO = 1 << 9;
    public static final int FLAG_EXPIRATION = 1 << 8;
    public static final int FLAG_MESSAGE_ID = 1 << 7;
    public static final int FLAG_TIMESTAMP = 1 << 6;
    public static final int FLAG_TYPE = 1 << 5;
    public static final int FLAG_USER_ID = 1 << 4;
    public static final int FLAG_APP_ID = 1 << 3;
    public static final int FLAG_CLUSTER_ID = 1 << 2;

    public static final BasicProperties EMPTY =
            new BasicProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** The first flags word of an encoded property list. */
    public static int flags(byte[] raw, int off) {
        return raw.length < off + 2 ? 0 : ((raw[off] & 0xFF) << 8) | (raw[off + 1] & 0xFF);
    }

    public static BasicProperties decode(byte[] raw, int off, int len) {
        return decode(ByteBuffer.wrap(raw, off, len));
    }

    /** Decodes flags and properties; malformed input is a 501 FRAME_ERROR. */
    public static BasicProperties decode(ByteBuffer raw) {
        try {
            ByteBuffer in = raw.slice();
            int flags = in.getShort() & 0xFFFF;
            int word = flags;
            while ((word & 1) != 0) {
                word = in.getShort() & 0xFFFF; // continuation words: no basic property lives there
            }
            ArgumentReader r = new ArgumentReader(in);
            return new BasicProperties(
                    (flags & FLAG_CONTENT_TYPE) != 0 ? r.readShortString() : null,
                    (flags & FLAG_CONTENT_ENCODING) != 0 ? r.readShortString() : null,
                    (flags & FLAG_HEADERS) != 0 ? r.readTable() : null,
                    (flags & FLAG_DELIVERY_MODE) != 0 ? r.readOctet() : null,
                    (flags & FLAG_PRIORITY) != 0 ? r.readOctet() : null,
                    (flags & FLAG_CORRELATION_ID) != 0 ? r.readShortString() : null,
                    (flags & FLAG_REPLY_TO) != 0 ? r.readShortString() : null,
                    (flags & FLAG_EXPIRATION) != 0 ? r.readShortString() : null,
                    (flags & FLAG_MESSAGE_ID) != 0 ? r.readShortString() : null,
                    (flags & FLAG_TIMESTAMP) != 0 ? r.readLongLong() : null,
                    (flags & FLAG_TYPE) != 0 ? r.readShortString() : null,
                    (flags & FLAG_USER_ID) != 0 ? r.readShortString() : null,
                    (flags & FLAG_APP_ID) != 0 ? r.readShortString() : null,
                    (flags & FLAG_CLUSTER_ID) != 0 ? r.readShortString() : null);
        } catch (BufferUnderflowException e) {
            throw new AmqpException(Amqp.FRAME_ERROR, "FRAME_ERROR - content header properties are truncated");
        }
    }

    /** Flags word and property list: the inverse of {@link #decode}. */
    public byte[] encode() {
        FrameEncoder out = new FrameEncoder(64);
        int flags = (contentType != null ? FLAG_CONTENT_TYPE : 0)
                | (contentEncoding != null ? FLAG_CONTENT_ENCODING : 0)
                | (headers != null ? FLAG_HEADERS : 0)
                | (deliveryMode != null ? FLAG_DELIVERY_MODE : 0)
                | (priority != null ? FLAG_PRIORITY : 0)
                | (correlationId != null ? FLAG_CORRELATION_ID : 0)
                | (replyTo != null ? FLAG_REPLY_TO : 0)
                | (expiration != null ? FLAG_EXPIRATION : 0)
                | (messageId != null ? FLAG_MESSAGE_ID : 0)
                | (timestamp != null ? FLAG_TIMESTAMP : 0)
                | (type != null ? FLAG_TYPE : 0)
                | (userId != null ? FLAG_USER_ID : 0)
                | (appId != null ? FLAG_APP_ID : 0)
                | (clusterId != null ? FLAG_CLUSTER_ID : 0);
        out.writeShort(flags);
        shortString(out, contentType);
        shortString(out, contentEncoding);
        if (headers != null) {
            out.writeTable(headers);
        }
        if (deliveryMode != null) {
            out.writeOctet(deliveryMode);
        }
        if (priority != null) {
            out.writeOctet(priority);
        }
        shortString(out, correlationId);
        shortString(out, replyTo);
        shortString(out, expiration);
        shortString(out, messageId);
        if (timestamp != null) {
            out.writeLongLong(timestamp);
        }
        shortString(out, type);
        shortString(out, userId);
        shortString(out, appId);
        shortString(out, clusterId);
        byte[] b = new byte[out.size()];
        out.buffer().get(b);
        return b;
    }

    private static void shortString(FrameEncoder out, String s) {
        if (s != null) {
            out.writeShortString(s);
        }
    }

    public BasicProperties withHeaders(Map<String, Object> h) {
        return new BasicProperties(
                contentType,
                contentEncoding,
                h,
                deliveryMode,
                priority,
                correlationId,
                replyTo,
                expiration,
                messageId,
                timestamp,
                type,
                userId,
                appId,
                clusterId);
    }

    public BasicProperties withReplyTo(String r) {
        return new BasicProperties(
                contentType,
                contentEncoding,
                headers,
                deliveryMode,
                priority,
                correlationId,
                r,
                expiration,
                messageId,
                timestamp,
                type,
                userId,
                appId,
                clusterId);
    }

    public BasicProperties withExpiration(String e) {
        return new BasicProperties(
                contentType,
                contentEncoding,
                headers,
                deliveryMode,
                priority,
                correlationId,
                replyTo,
                e,
                messageId,
                timestamp,
                type,
                userId,
                appId,
                clusterId);
    }
}
