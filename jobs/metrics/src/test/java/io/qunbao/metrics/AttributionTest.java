package io.qunbao.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** metrics.md, cleaning rules 2, 3, 5 and "Attribution of a purchase to one group". */
class AttributionTest extends LocalSparkTest {
  static FamilyFixture fixture;

  @BeforeAll
  static void landAndRun() {
    fixture = new FamilyFixture(spark, dir);
    fixture.landed.land("groups", FamilyFixture.GROUPS,
        "2026-05-01,g1,G1,camp,boss,2026-04-01T00:00:00Z,",
        "2026-05-01,g2,G2,vip,boss,2026-04-01T00:00:00Z,");
    fixture.landed.land("staff", FamilyFixture.STAFF, "2026-05-01,boss,owner", "2026-05-01,fake,shill");
    fixture.landed.land("chat", FamilyFixture.CHAT,
        // u joins g2 and g1 at the same instant: a last-touch tie, won by the smaller id g1
        "2026-05-01,j1,g2,u,2026-05-01T02:00:00Z,member_join,",
        "2026-05-01,j2,g1,u,2026-05-01T02:00:00Z,member_join,",
        // v is in g2 only, from 03:00; gChat is known only from this (staff) message
        "2026-05-01,j3,g2,v,2026-05-01T03:00:00Z,member_join,",
        "2026-05-01,j4,gChat,boss,2026-05-01T03:00:00Z,text,");
    fixture.landed.land("orders", FamilyFixture.ORDERS,
        "2026-05-01,tie,u,2026-05-01T04:00:00Z,10.00,paid,,2026-05-01T04:00:00Z",
        "2026-05-01,unknownTag,v,2026-05-01T04:00:00Z,20.00,paid,gNever,2026-05-01T04:00:00Z",
        "2026-05-01,chatTag,v,2026-05-01T04:00:00Z,30.00,paid,gChat,2026-05-01T04:00:00Z",
        "2026-05-01,before,v,2026-05-01T02:59:59.999Z,40.00,paid,,2026-05-01T02:59:59.999Z",
        "2026-05-01,byStaff,fake,2026-05-01T04:00:00Z,50.00,paid,g1,2026-05-01T04:00:00Z",
        // refunded later: the refund row has the greatest updated_at
        "2026-05-01,refunded,u,2026-05-01T05:00:00Z,60.00,paid,g1,2026-05-01T05:00:00Z",
        "2026-05-02,refunded,u,2026-05-01T05:00:00Z,60.00,refunded,g1,2026-05-02T01:00:00Z");
    fixture.run(LocalDate.parse("2026-05-02"));
  }

  @Test
  void eachPurchaseGoesToOneGroupByTagThenLastTouchElseNowhere() {
    Map<String, String> attributed = fixture.rows("select order_id, coalesce(group_id, '-') as group_id from attributed_purchases")
        .stream().collect(Collectors.toMap(r -> (String) r.get("order_id"), r -> (String) r.get("group_id")));
    assertThat(attributed).containsExactlyInAnyOrderEntriesOf(Map.of(
        "tie", "g1",         // (b): g1 and g2 intervals started at the same instant: smallest id
        "unknownTag", "g2",  // gNever is known nowhere, so (b): v is present in g2 at 04:00
        "chatTag", "gChat",  // (a): gChat is known because a chat row names it
        "before", "-"));     // (c): 1 ms before v's join, v is present nowhere
    // not purchases: byStaff (the buyer is staff), refunded (the latest row is a refund)
  }

  @Test
  void theUnattributedRowCarriesOnlyOrdersBuyersGmvAndRepurchase() {
    // D1 = 2026-05-01: 'before' is the one unattributed purchase (40.00)
    assertThat(fixture.rows("select members, orders, buyers, gmv, repurchase_buyers_30d from type_daily"
        + " where group_type is null and dt = DATE '2026-05-01'"))
        .singleElement()
        .satisfies(row -> {
          assertThat(row.get("members")).isNull();
          assertThat(row.get("orders")).isEqualTo(1L);
          assertThat(row.get("gmv")).hasToString("40.00");
          assertThat(row.get("repurchase_buyers_30d")).isEqualTo(1L);
        });
  }

  @Test
  void aRefundRemovesThePurchaseFromItsDay() {
    // g1 on D1: only 'tie' (10.00); 'refunded' (60.00) was refunded in the D2 export
    assertThat(fixture.rows("select orders, gmv from group_daily where group_id = 'g1' and dt = DATE '2026-05-01'"))
        .singleElement()
        .satisfies(row -> {
          assertThat(row.get("orders")).isEqualTo(1L);
          assertThat(row.get("gmv")).hasToString("10.00");
        });
  }
}
