package io.qunbao.generator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * One line of a chat export, as written. The time stamp is kept as its text (or number) so that a
 * re-export repeats the line byte for byte.
 */
record ChatRow(
    String msgId,
    String groupId,
    String senderId,
    String sentAt,
    boolean sentAtIsNumber,
    String msgType,
    String content,
    String joinScene,
    String inviterId,
    String codeId,
    String quitScene) {

  /** A message (not a membership event). */
  static ChatRow message(String msgId, String groupId, String senderId, long time, TimeForm form, Clock clock,
      String msgType, String content) {
    return new ChatRow(msgId, groupId, senderId, clock.format(time, form), form == TimeForm.EPOCH_MILLIS,
        msgType, content, null, null, null, null);
  }

  static ChatRow join(String msgId, String groupId, String memberId, long time, TimeForm form, Clock clock,
      String scene, String inviterId, String codeId) {
    return new ChatRow(msgId, groupId, memberId, clock.format(time, form), form == TimeForm.EPOCH_MILLIS,
        "member_join", null, scene, inviterId, codeId, null);
  }

  static ChatRow leave(String msgId, String groupId, String memberId, long time, TimeForm form, Clock clock,
      String quitScene) {
    return new ChatRow(msgId, groupId, memberId, clock.format(time, form), form == TimeForm.EPOCH_MILLIS,
        "member_leave", null, null, null, null, quitScene);
  }

  ChatRow withMsgId(String value) {
    return new ChatRow(value, groupId, senderId, sentAt, sentAtIsNumber, msgType, content, joinScene,
        inviterId, codeId, quitScene);
  }

  ChatRow withGroupId(String value) {
    return new ChatRow(msgId, value, senderId, sentAt, sentAtIsNumber, msgType, content, joinScene,
        inviterId, codeId, quitScene);
  }

  ChatRow withSenderId(String value) {
    return new ChatRow(msgId, groupId, value, sentAt, sentAtIsNumber, msgType, content, joinScene,
        inviterId, codeId, quitScene);
  }

  ChatRow withSentAt(String value, boolean isNumber) {
    return new ChatRow(msgId, groupId, senderId, value, isNumber, msgType, content, joinScene,
        inviterId, codeId, quitScene);
  }

  ChatRow withContent(String value) {
    return new ChatRow(msgId, groupId, senderId, sentAt, sentAtIsNumber, msgType, value, joinScene,
        inviterId, codeId, quitScene);
  }

  /** Writes the JSON object (no line end); a null field is left out, as the archive export does. */
  void writeTo(JsonGenerator json) throws IOException {
    json.writeStartObject();
    optional(json, "msg_id", msgId);
    optional(json, "group_id", groupId);
    optional(json, "sender_id", senderId);
    if (sentAtIsNumber) {
      json.writeFieldName("sent_at");
      json.writeNumber(sentAt);
    } else {
      optional(json, "sent_at", sentAt);
    }
    optional(json, "msg_type", msgType);
    optional(json, "content", content);
    optional(json, "join_scene", joinScene);
    optional(json, "inviter_id", inviterId);
    optional(json, "code_id", codeId);
    optional(json, "quit_scene", quitScene);
    json.writeEndObject();
  }

  private static void optional(JsonGenerator json, String field, String value) throws IOException {
    if (value != null) {
      json.writeStringField(field, value);
    }
  }
}
