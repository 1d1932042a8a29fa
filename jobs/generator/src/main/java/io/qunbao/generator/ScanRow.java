package io.qunbao.generator;

/** One scan of a live code or personal poster; {@code inviterId} is the poster's owner, else null. */
record ScanRow(String scanId, long time, String codeId, String channel, String scannerId, String inviterId,
    String groupId) {}
