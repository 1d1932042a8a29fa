package io.qunbao.generator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    writeTo(json, false);
  }

  /**
   * Writes the JSON object; {@code withExtraFields} adds fields that a newer archive export version
   * writes and the contract ignores: {@code action} and a nested {@code ext} object.
   */
  void writeTo(JsonGenerator json, boolean withExtraFields) throws IOException {
    json.writeStartObject();
    if (withExtraFields) {
      json.writeFieldName(ACTION);
      json.writeString(SEND);
      json.writeFieldName(EXT);
      json.writeStartObject();
      json.writeFieldName(DEVICE);
      json.writeString(msgId != null && (msgId.hashCode() & 1) == 0 ? IOS : ANDROID);
      json.writeEndObject();
    }
    optional(json, MSG_ID, msgId);
    optional(json, GROUP_ID, groupId);
    optional(json, SENDER_ID, senderId);
    if (sentAtIsNumber) {
      json.writeFieldName(SENT_AT);
      json.writeNumber(sentAt);
    } else {
      optional(json, SENT_AT, sentAt);
    }
    optionalRepeated(json, MSG_TYPE, msgType);
    optionalRepeated(json, CONTENT, content);
    optionalRepeated(json, JOIN_SCENE, joinScene);
    optional(json, INVITER_ID, inviterId);
    optional(json, CODE_ID, codeId);
    optionalRepeated(json, QUIT_SCENE, quitScene);
    json.writeEndObject();
  }

  // Field names and the few values that repeat (types, scenes, canned texts) are encoded once: writing
  // UTF-8 text is most of the cost of a chat row.
  private static final SerializedString MSG_ID = new SerializedString("msg_id");
  private static final SerializedString GROUP_ID = new SerializedString("group_id");
  private static final SerializedString SENDER_ID = new SerializedString("sender_id");
  private static final SerializedString SENT_AT = new SerializedString("sent_at");
  private static final SerializedString MSG_TYPE = new SerializedString("msg_type");
  private static final SerializedString CONTENT = new SerializedString("content");
  private static final SerializedString JOIN_SCENE = new SerializedString("join_scene");
  private static final SerializedString INVITER_ID = new SerializedString("inviter_id");
  private static final SerializedString CODE_ID = new SerializedString("code_id");
  private static final SerializedString QUIT_SCENE = new SerializedString("quit_scene");
  private static final SerializedString ACTION = new SerializedString("action");
  private static final SerializedString SEND = new SerializedString("send");
  private static final SerializedString EXT = new SerializedString("ext");
  private static final SerializedString DEVICE = new SerializedString("device");
  private static final SerializedString IOS = new SerializedString("iOS");
  private static final SerializedString ANDROID = new SerializedString("Android");
  /** Encoded repeated values; bounded, so that one-off texts do not pile up. */
  private static final Map<String, SerializedString> REPEATED = new ConcurrentHashMap<>();
  private static final int MAX_REPEATED = 4096;

  private static void optional(JsonGenerator json, SerializedString field, String value) throws IOException {
    if (value != null) {
      json.writeFieldName(field);
      json.writeString(value);
    }
  }

  private static void optionalRepeated(JsonGenerator json, SerializedString field, String value) throws IOException {
    if (value == null) {
      return;
    }
    json.writeFieldName(field);
    SerializedString encoded = REPEATED.get(value);
    if (encoded == null && REPEATED.size() < MAX_REPEATED) {
      encoded = REPEATED.computeIfAbsent(value, SerializedString::new);
    }
    if (encoded != null) {
      json.writeString(encoded);
    } else {
      json.writeString(value);
    }
  }
}
