package dev.petrel.amqp.protocol;

import java.nio.ByteBuffer;

/** The decoding registry: (class id, method id) to the method record's reader. */
public final class Methods {
    private Methods() {}

    /**
     * Decodes the arguments of method ({@code classId}, {@code methodId}) from {@code arguments} (positioned at the
     * first argument). An unknown method is 540 NOT_IMPLEMENTED; arguments that run past the frame are 501
     * FRAME_ERROR.
     */
    public static Method decode(int classId, int methodId, ByteBuffer arguments) {
        return decode(classId, methodId, new ArgumentReader(arguments));
    }

    static Method decode(int classId, int methodId, ArgumentReader in) {
        return switch (classId << 16 | methodId) {
            case 10 << 16 | 10 -> ConnectionStart.read(in);
            case 10 << 16 | 11 -> ConnectionStartOk.read(in);
            case 10 << 16 | 20 -> ConnectionSecure.read(in);
            case 10 << 16 | 21 -> ConnectionSecureOk.read(in);
            case 10 << 16 | 30 -> ConnectionTune.read(in);
            case 10 << 16 | 31 -> ConnectionTuneOk.read(in);
            case 10 << 16 | 40 -> ConnectionOpen.read(in);
            case 10 << 16 | 41 -> ConnectionOpenOk.read(in);
            case 10 << 16 | 50 -> ConnectionClose.read(in);
            case 10 << 16 | 51 -> ConnectionCloseOk.read(in);
            case 10 << 16 | 60 -> ConnectionBlocked.read(in);
            case 10 << 16 | 61 -> ConnectionUnblocked.read(in);
            case 10 << 16 | 70 -> ConnectionUpdateSecret.read(in);
            case 10 << 16 | 71 -> ConnectionUpdateSecretOk.read(in);
            case 20 << 16 | 10 -> ChannelOpen.read(in);
            case 20 << 16 | 11 -> ChannelOpenOk.read(in);
            case 20 << 16 | 20 -> ChannelFlow.read(in);
            case 20 << 16 | 21 -> ChannelFlowOk.read(in);
            case 20 << 16 | 40 -> ChannelClose.read(in);
            case 20 << 16 | 41 -> ChannelCloseOk.read(in);
            case 30 << 16 | 10 -> AccessRequest.read(in);
            case 30 << 16 | 11 -> AccessRequestOk.read(in);
            case 40 << 16 | 10 -> ExchangeDeclare.read(in);
            case 40 << 16 | 11 -> ExchangeDeclareOk.read(in);
            case 40 << 16 | 20 -> ExchangeDelete.read(in);
            case 40 << 16 | 21 -> ExchangeDeleteOk.read(in);
            case 40 << 16 | 30 -> ExchangeBind.read(in);
            case 40 << 16 | 31 -> ExchangeBindOk.read(in);
            case 40 << 16 | 40 -> ExchangeUnbind.read(in);
            case 40 << 16 | 51 -> ExchangeUnbindOk.read(in);
            case 50 << 16 | 10 -> QueueDeclare.read(in);
            case 50 << 16 | 11 -> QueueDeclareOk.read(in);
            case 50 << 16 | 20 -> QueueBind.read(in);
            case 50 << 16 | 21 -> QueueBindOk.read(in);
            case 50 << 16 | 30 -> QueuePurge.read(in);
            case 50 << 16 | 31 -> QueuePurgeOk.read(in);
            case 50 << 16 | 40 -> QueueDelete.read(in);
            case 50 << 16 | 41 -> QueueDeleteOk.read(in);
            case 50 << 16 | 50 -> QueueUnbind.read(in);
            case 50 << 16 | 51 -> QueueUnbindOk.read(in);
            case 60 << 16 | 10 -> BasicQos.read(in);
            case 60 << 16 | 11 -> BasicQosOk.read(in);
            case 60 << 16 | 20 -> BasicConsume.read(in);
            case 60 << 16 | 21 -> BasicConsumeOk.read(in);
            case 60 << 16 | 30 -> BasicCancel.read(in);
            case 60 << 16 | 31 -> BasicCancelOk.read(in);
            case 60 << 16 | 40 -> BasicPublish.read(in);
            case 60 << 16 | 50 -> BasicReturn.read(in);
            case 60 << 16 | 60 -> BasicDeliver.read(in);
            case 60 << 16 | 70 -> BasicGet.read(in);
            case 60 << 16 | 71 -> BasicGetOk.read(in);
            case 60 << 16 | 72 -> BasicGetEmpty.read(in);
            case 60 << 16 | 80 -> BasicAck.read(in);
            case 60 << 16 | 90 -> BasicReject.read(in);
            case 60 << 16 | 100 -> BasicRecoverAsync.read(in);
            case 60 << 16 | 110 -> BasicRecover.read(in);
            case 60 << 16 | 111 -> BasicRecoverOk.read(in);
            case 60 << 16 | 120 -> BasicNack.read(in);
            case 85 << 16 | 10 -> ConfirmSelect.read(in);
            case 85 << 16 | 11 -> ConfirmSelectOk.read(in);
            case 90 << 16 | 10 -> TxSelect.read(in);
            case 90 << 16 | 11 -> TxSelectOk.read(in);
            case 90 << 16 | 20 -> TxCommit.read(in);
            case 90 << 16 | 21 -> TxCommitOk.read(in);
            case 90 << 16 | 30 -> TxRollback.read(in);
            case 90 << 16 | 31 -> TxRollbackOk.read(in);
            default ->
                throw new AmqpException(
                        Amqp.NOT_IMPLEMENTED,
                        "NOT_IMPLEMENTED - unknown method (class " + classId + ", method " + methodId + ")",
                        classId,
                        methodId);
        };
    }
}
