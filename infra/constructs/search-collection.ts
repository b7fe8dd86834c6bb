import { Lazy, Stack } from 'aws-cdk-lib';
import { AccountRootPrincipal, PolicyStatement, Role, type IRole } from 'aws-cdk-lib/aws-iam';
import { CfnAccessPolicy, CfnCollection, CfnSecurityPolicy } from 'aws-cdk-lib/aws-opensearchserverless';
import { Construct } from 'constructs';
import { ConfigurationError } from '../../shared/errors.js';

/** Data-plane permissions of the roles that index documents (the Store stage): create the index when missing, write. */
export const SEARCH_WRITE_PERMISSIONS = ['aoss:DescribeIndex', 'aoss:CreateIndex', 'aoss:WriteDocument'] as const;
/** Data-plane permissions of the reader role: search. */
export const SEARCH_READ_PERMISSIONS = ['aoss:DescribeIndex', 'aoss:ReadDocument'] as const;

export interface SearchCollectionProps {
  /** Collection name: 3 to 21 characters (policy names add up to 11), lowercase letters, digits and hyphens, starting with a letter. @default 'docpipe' */
  readonly collectionName?: string;
  /** The index the stages write (DOCPIPE_OPENSEARCH_INDEX). @default 'documents' */
  readonly indexName?: string;
  /**
   * Standby replicas in a second Availability Zone. Turning them off halves the collection's minimum capacity (and
   * its monthly floor) at the cost of availability: for trials, not production. @default true
   */
  readonly standbyReplicas?: boolean;
}

const COLLECTION_NAME = /^[a-z][a-z0-9-]{2,20}$/;
const INDEX_NAME = /^[a-z0-9][a-z0-9._-]{0,254}$/;

/**
 * An OpenSearch Serverless search collection for the redacted text and summaries. Encryption: an AWS-owned key.
 * Network: the public endpoint, so Lambda needs no VPC; every request must still be SigV4-signed by a principal the
 * data-access policy names. That policy lets only the roles given to grantWrite() write, and the reader role
 * (created here, assumable by principals of this account whose own policies allow it) search.
 */
export class SearchCollection extends Construct {
  public readonly collection: CfnCollection;
  /** `https://<id>.<region>.aoss.amazonaws.com` */
  public readonly endpoint: string;
  public readonly collectionArn: string;
  public readonly collectionName: string;
  public readonly indexName: string;
  /** Assume this role to search the index (e.g. `docpipe search --endpoint`). */
  public readonly readerRole: Role;
  private readonly writers: IRole[] = [];

  constructor(scope: Construct, id: string, props: SearchCollectionProps = {}) {
    super(scope, id);
    const name = props.collectionName ?? 'docpipe';
    const indexName = props.indexName ?? 'documents';
    if (!COLLECTION_NAME.test(name)) {
      throw new ConfigurationError(`SearchCollection: collectionName "${name}" must be 3 to 21 lowercase letters, digits or hyphens, starting with a letter`);
    }
    if (!INDEX_NAME.test(indexName)) throw new ConfigurationError(`SearchCollection: indexName "${indexName}" must be a lowercase OpenSearch index name`);
    this.collectionName = name;
    this.indexName = indexName;
    const collectionResource = `collection/${name}`;

    const encryption = new CfnSecurityPolicy(this, 'Encryption', {
      name: `${name}-encryption`,
      type: 'encryption',
      description: 'docpipe search collection: encrypted at rest with an AWS-owned key',
      policy: JSON.stringify({ Rules: [{ ResourceType: 'collection', Resource: [collectionResource] }], AWSOwnedKey: true }),
    });
    const network = new CfnSecurityPolicy(this, 'Network', {
      name: `${name}-network`,
      type: 'network',
      description: 'docpipe search collection: public endpoint; access still needs SigV4 and the data-access policy',
      policy: JSON.stringify([{ Rules: [{ ResourceType: 'collection', Resource: [collectionResource] }], AllowFromPublic: true }]),
    });
    this.collection = new CfnCollection(this, 'Collection', {
      name,
      type: 'SEARCH',
      description: 'docpipe: redacted text and summaries of processed documents',
      standbyReplicas: (props.standbyReplicas ?? true) ? 'ENABLED' : 'DISABLED',
    });
    this.collection.addResourceDependency(encryption);
    this.collection.addResourceDependency(network);
    this.endpoint = this.collection.attrCollectionEndpoint;
    this.collectionArn = this.collection.attrArn;

    this.readerRole = new Role(this, 'Reader', {
      assumedBy: new AccountRootPrincipal(),
      description: `docpipe: search the ${indexName} index of the ${name} collection (read only)`,
    });
    this.allowApiAccess(this.readerRole);

    const stack = Stack.of(this);
    const rules = (permissions: readonly string[]) => [
      { ResourceType: 'index', Resource: [`index/${name}/${indexName}`], Permission: [...permissions] },
      { ResourceType: 'collection', Resource: [collectionResource], Permission: ['aoss:DescribeCollectionItems'] },
    ];
    const access = new CfnAccessPolicy(this, 'DataAccess', {
      name: `${name}-access`,
      type: 'data',
      description: 'docpipe: the Store stage writes the index, the reader role searches it',
      policy: Lazy.string({
        produce: () =>
          stack.toJsonString([
            { Description: 'Writers', Rules: rules(SEARCH_WRITE_PERMISSIONS), Principal: this.writers.map((role) => role.roleArn) },
            { Description: 'Readers', Rules: rules(SEARCH_READ_PERMISSIONS), Principal: [this.readerRole.roleArn] },
          ]),
      }),
    });
    access.node.addValidation({
      validate: () => (this.writers.length === 0 ? ['SearchCollection: no role may write the index (call grantWrite)'] : []),
    });
  }

  /** Lets the role create the index and write documents (data-access policy) and call the collection's API (IAM). */
  grantWrite(role: IRole): void {
    this.writers.push(role);
    this.allowApiAccess(role);
  }

  private allowApiAccess(role: IRole): void {
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['aoss:APIAccessAll'], resources: [this.collectionArn] }));
  }
}
