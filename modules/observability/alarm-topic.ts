import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic/index.js";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription/index.js";
import { Construct } from "constructs";
import { tagsArgument } from "../api-gateway/common/tags.js";

export interface AlarmTopicProps {
  readonly logicalId: string;
  readonly name: string;
  readonly emails: readonly string[];
  readonly tags?: Readonly<Record<string, string>>;
}

/** The SNS topic alarms notify, encrypted with the AWS-managed SNS key, with optional e-mail subscriptions. */
export class AlarmTopic extends Construct {
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    this.topic = new SnsTopic(this, "topic", {
      name: props.name,
      kmsMasterKeyId: "alias/aws/sns",
      tags: tagsArgument({ ...props.tags }),
    });
    this.topic.overrideLogicalId(props.logicalId);
    props.emails.forEach((email, i) => {
      new SnsTopicSubscription(this, `email-${i}`, { topicArn: this.topic.arn, protocol: "email", endpoint: email }).overrideLogicalId(`${props.logicalId}__email_${i}`);
    });
  }
}
