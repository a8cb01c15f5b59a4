package io.cloudshift.generate;

import static io.cloudshift.generate.Sku.hourly;
import static io.cloudshift.generate.Sku.metered;

import java.util.List;
import java.util.Optional;

/**
 * The synthetic catalog of each provider of conf/cloudshift.conf. Product names and list prices are
 * illustrative (public list prices of the time, rounded); GPU SKUs are chosen so the configured
 * gpu-sku-patterns recognise them, and no ordinary customer line matches a resale rule. A provider
 * id not listed here gets a neutral generic profile.
 */
final class ProviderProfiles {
  private static final String COMPUTE = "Compute";
  private static final String VMS = "Virtual Machines";
  private static final String AI = "AI and Machine Learning";
  private static final String STORAGE = "Storage";
  private static final String DATABASES = "Databases";
  private static final String NETWORKING = "Networking";

  private ProviderProfiles() {}

  static ProviderProfile forProvider(String providerId) {
    return switch (providerId) {
      case "azure" -> azure();
      case "aws" -> aws();
      case "gcp" -> gcp();
      case "oci" -> oci();
      case "coreweave" -> coreweave();
      default -> generic(providerId);
    };
  }

  private static ProviderProfile azure() {
    String vm = "Virtual Machines";
    return new ProviderProfile(
        "azure",
        ProviderStyle.AZURE,
        List.of(
            new Region("eastus", "East US", null),
            new Region("eastus2", "East US 2", null),
            new Region("westus3", "West US 3", null),
            new Region("swedencentral", "Sweden Central", null),
            new Region("northeurope", "North Europe", null)),
        List.of(
            hourly(
                COMPUTE,
                VMS,
                vm,
                "DZH318Z0BP88",
                "Standard_ND96asr_v4",
                "Virtual machine scale set",
                "27.197",
                "2000-01"),
            hourly(
                COMPUTE,
                VMS,
                vm,
                "DZH318Z0D1L7",
                "Standard_ND96isr_H100_v5",
                "Virtual machine scale set",
                "98.32",
                "2023-08"),
            hourly(
                COMPUTE,
                VMS,
                vm,
                "DZH318Z0GK2C",
                "Standard_ND96isr_H200_v5",
                "Virtual machine scale set",
                "110.24",
                "2024-10"),
            hourly(
                COMPUTE,
                VMS,
                vm,
                "DZH318Z0M3RT",
                "Standard_ND128isr_NDR_GB200_v6",
                "Virtual machine scale set",
                "180.00",
                "2025-04")),
        Optional.of(
            hourly(
                AI,
                "Machine Learning",
                "Azure Machine Learning",
                "DZH318Z0AML1",
                "Compute Cluster vCore",
                "Machine learning workspace",
                "0.12",
                "2000-01")),
        metered(
            STORAGE,
            "Object Storage",
            "Storage",
            "DZH317F1HKN0",
            "Hot LRS Data Stored",
            "Storage account",
            "GB-Months",
            "0.0184"),
        List.of(
            hourly(
                COMPUTE,
                VMS,
                vm,
                "DZH318Z0BQ4L",
                "Standard_D8s_v5",
                "Virtual machine",
                "0.384",
                "2000-01"),
            hourly(
                COMPUTE,
                VMS,
                vm,
                "DZH318Z0BQ9S",
                "Standard_E16ds_v5",
                "Virtual machine",
                "1.152",
                "2000-01"),
            hourly(
                COMPUTE,
                VMS,
                vm,
                "DZH318Z0BXWJ",
                "Standard_NC24ads_A100_v4",
                "Virtual machine",
                "3.673",
                "2000-01"),
            hourly(
                COMPUTE,
                "Containers",
                "Azure Kubernetes Service",
                "DZH318Z0AKS1",
                "Standard Uptime SLA",
                "Managed cluster",
                "0.10",
                "2000-01"),
            metered(
                STORAGE,
                "Object Storage",
                "Storage",
                "DZH317F1HKN0",
                "Hot LRS Data Stored",
                "Storage account",
                "GB-Months",
                "0.0184"),
            hourly(
                DATABASES,
                "Relational Databases",
                "Azure SQL Database",
                "DZH318Z0SQL4",
                "vCore",
                "SQL database",
                "0.505",
                "2000-01"),
            metered(
                DATABASES,
                "NoSQL Databases",
                "Azure Cosmos DB",
                "DZH318Z0COS2",
                "100 RU/s",
                "Azure Cosmos DB account",
                "Hours",
                "0.008"),
            metered(
                NETWORKING,
                "Network Connectivity",
                "Bandwidth",
                "DZH318Z0BW01",
                "Standard Data Transfer Out",
                "Virtual network",
                "GB",
                "0.087"),
            hourly(
                "Analytics",
                "Analytics Platforms",
                "Azure Databricks",
                "DZH318Z0DBX3",
                "Premium All-purpose Compute DBU",
                "Databricks workspace",
                "0.55",
                "2000-01"),
            metered(
                AI,
                "Generative AI",
                "Azure AI Foundry Models",
                "deepseek-r1-input",
                "DeepSeek-R1 Input Tokens",
                "AI Foundry project",
                "1M Tokens",
                "1.35"),
            hourly(
                AI,
                "Machine Learning",
                "Azure Machine Learning",
                "DZH318Z0AML1",
                "Compute Cluster vCore",
                "Machine learning workspace",
                "0.12",
                "2000-01"),
            metered(
                "Management and Governance",
                "Observability",
                "Azure Monitor",
                "DZH318Z0MON5",
                "Log Analytics Data Ingestion",
                "Log Analytics workspace",
                "GB",
                "2.30")),
        List.of(
            new MarketplaceOffer(
                "Red Hat Inc.",
                hourly(
                    COMPUTE,
                    "Other (Compute)",
                    "Red Hat Enterprise Linux",
                    "RHEL-8-PAYG",
                    "RHEL 8 vCPU",
                    "Virtual machine",
                    "0.13",
                    "2000-01")),
            new MarketplaceOffer(
                "Elastic N.V.",
                metered(
                    "Analytics",
                    "Search",
                    "Elastic Cloud (Elasticsearch Service)",
                    "ELASTIC-ESS-STD",
                    "Elastic Cloud Standard",
                    "SaaS",
                    "Units",
                    "1.00"))),
        "Reservation",
        "Usage",
        "Billing Profile",
        "Subscription",
        true);
  }

  private static ProviderProfile aws() {
    String ec2 = "Amazon Elastic Compute Cloud";
    return new ProviderProfile(
        "aws",
        ProviderStyle.AWS,
        List.of(
            new Region("us-east-1", "US East (N. Virginia)", "us-east-1"),
            new Region("us-east-2", "US East (Ohio)", "us-east-2"),
            new Region("us-west-2", "US West (Oregon)", "us-west-2"),
            new Region("eu-west-1", "Europe (Ireland)", "eu-west-1")),
        List.of(
            hourly(
                COMPUTE,
                VMS,
                ec2,
                "8VCNEHQMSCQS4P39",
                "p4d.24xlarge",
                "Instance",
                "32.7726",
                "2000-01"),
            hourly(
                COMPUTE,
                VMS,
                ec2,
                "3X4DKJ8Y5ZTG2C7M",
                "p5.48xlarge",
                "Instance",
                "98.32",
                "2023-07"),
            hourly(
                COMPUTE,
                VMS,
                ec2,
                "5QZ7W2JN8RXD6H4K",
                "p5e.48xlarge",
                "Instance",
                "108.00",
                "2024-09"),
            hourly(
                COMPUTE,
                VMS,
                ec2,
                "7MT3PX9V2KQW5N8E",
                "p5en.48xlarge",
                "Instance",
                "84.00",
                "2024-12"),
            hourly(
                COMPUTE,
                VMS,
                ec2,
                "9KD2HV6T4XQN7P3W",
                "trn2.48xlarge",
                "Instance",
                "46.00",
                "2024-12")),
        Optional.of(
            hourly(
                AI,
                "Machine Learning",
                "Amazon SageMaker",
                "6TR4NQ8ZKX2W9D5P",
                "ml.p5.48xlarge Training",
                "Training job",
                "113.07",
                "2000-01")),
        metered(
            STORAGE,
            "Object Storage",
            "Amazon Simple Storage Service",
            "WP9ANXZGBYYSGJEA",
            "TimedStorage-ByteHrs",
            "Bucket",
            "GB-Months",
            "0.023"),
        List.of(
            hourly(
                COMPUTE,
                VMS,
                ec2,
                "4C7N4APU9GEUZ6H6",
                "m7i.2xlarge",
                "Instance",
                "0.4032",
                "2000-01"),
            hourly(
                COMPUTE,
                VMS,
                ec2,
                "2R9KD7HWQ2X3N6T8",
                "r7g.4xlarge",
                "Instance",
                "0.8568",
                "2000-01"),
            hourly(
                COMPUTE,
                VMS,
                ec2,
                "5VZ8NPJ6Q3DK2R7X",
                "g6.12xlarge",
                "Instance",
                "4.6016",
                "2000-01"),
            hourly(
                COMPUTE,
                VMS,
                ec2,
                "8VCNEHQMSCQS4P39",
                "p4d.24xlarge",
                "Instance",
                "32.7726",
                "2000-01"),
            hourly(
                COMPUTE,
                "Containers",
                "Amazon Elastic Kubernetes Service",
                "7Q3CD9RT2N6KX8WZ",
                "EKS Cluster Hours",
                "Cluster",
                "0.10",
                "2000-01"),
            metered(
                STORAGE,
                "Object Storage",
                "Amazon Simple Storage Service",
                "WP9ANXZGBYYSGJEA",
                "TimedStorage-ByteHrs",
                "Bucket",
                "GB-Months",
                "0.023"),
            hourly(
                DATABASES,
                "Relational Databases",
                "Amazon Relational Database Service",
                "QZ2V7T4K9DN3X8WR",
                "db.r6g.2xlarge",
                "DB instance",
                "0.899",
                "2000-01"),
            metered(
                DATABASES,
                "NoSQL Databases",
                "Amazon DynamoDB",
                "6D9QX2ZK4TN8W3PV",
                "WriteRequestUnits",
                "Table",
                "1M Requests",
                "1.25"),
            metered(
                NETWORKING,
                "Network Connectivity",
                "AWS Data Transfer",
                "N7KQ4XW2D9ZT8P3V",
                "DataTransfer-Out-Bytes",
                "Data transfer",
                "GB",
                "0.09"),
            metered(
                NETWORKING,
                "Content Delivery",
                "Amazon CloudFront",
                "T4DX9Q2W7KZN3P8V",
                "DataTransfer-Out-Bytes",
                "Distribution",
                "GB",
                "0.085"),
            metered(
                "Analytics",
                "Data Processing",
                "Amazon Athena",
                "K3ZP8W2X7DQ4T9NV",
                "DataScannedInTB",
                "Workgroup",
                "TB",
                "5.00"),
            metered(
                AI,
                "Generative AI",
                "Amazon Bedrock",
                "amazon.nova-pro-input",
                "Amazon Nova Pro Input Tokens",
                "Model",
                "1M Tokens",
                "0.80"),
            metered(
                AI,
                "Generative AI",
                "Amazon Bedrock",
                "meta.llama3-3-70b-input",
                "Llama 3.3 70B Input Tokens",
                "Model",
                "1M Tokens",
                "0.72"),
            metered(
                "Management and Governance",
                "Observability",
                "Amazon CloudWatch",
                "P8W3ZK2X9DQ7T4NV",
                "DataProcessing-Bytes",
                "Log group",
                "GB",
                "0.50")),
        List.of(
            new MarketplaceOffer(
                "Red Hat Inc.",
                hourly(
                    COMPUTE,
                    "Other (Compute)",
                    "Red Hat Enterprise Linux",
                    "prod-rhel9-payg",
                    "RHEL 9 vCPU-hour",
                    "Instance",
                    "0.13",
                    "2000-01")),
            new MarketplaceOffer(
                "Snowflake Inc.",
                metered(
                    DATABASES,
                    "Data Warehouses",
                    "Snowflake Data Cloud",
                    "prod-snowflake-std",
                    "Snowflake Credits",
                    "SaaS",
                    "Credits",
                    "2.00"))),
        "Savings Plan",
        "Spend",
        "Payer Account",
        "Linked Account",
        false);
  }

  private static ProviderProfile gcp() {
    String gce = "Compute Engine";
    return new ProviderProfile(
        "gcp",
        ProviderStyle.GCP,
        List.of(
            new Region("us-central1", "Iowa", "us-central1"),
            new Region("us-east5", "Columbus", "us-east5"),
            new Region("europe-west4", "Netherlands", "europe-west4"),
            new Region("asia-northeast1", "Tokyo", "asia-northeast1")),
        List.of(
            hourly(
                COMPUTE,
                VMS,
                gce,
                "6E5A-4F2C-A2HG",
                "a2-highgpu-8g",
                "Instance",
                "29.39",
                "2000-01"),
            hourly(
                COMPUTE,
                VMS,
                gce,
                "9B1D-7C3E-A3HG",
                "a3-highgpu-8g",
                "Instance",
                "88.49",
                "2023-08"),
            hourly(
                COMPUTE,
                VMS,
                gce,
                "2F8E-1A6B-A3MG",
                "a3-megagpu-8g",
                "Instance",
                "92.00",
                "2024-03"),
            hourly(
                COMPUTE,
                VMS,
                gce,
                "4C2A-9D7F-A3UG",
                "a3-ultragpu-8g",
                "Instance",
                "100.00",
                "2025-01")),
        Optional.of(
            hourly(
                AI,
                "Machine Learning",
                "Cloud TPU",
                "7A3C-2E9B-TPU5",
                "TPU v5p chip",
                "TPU slice",
                "4.20",
                "2000-01")),
        metered(
            STORAGE,
            "Object Storage",
            "Cloud Storage",
            "E5F0-6A5D-7BAD",
            "Standard Storage US Multi-region",
            "Bucket",
            "GB-Months",
            "0.026"),
        List.of(
            hourly(
                COMPUTE,
                VMS,
                gce,
                "2E27-4F75-95CD",
                "n2-standard-8",
                "Instance",
                "0.3885",
                "2000-01"),
            hourly(
                COMPUTE,
                VMS,
                gce,
                "9A1F-3D2B-E2S4",
                "e2-standard-4",
                "Instance",
                "0.134",
                "2000-01"),
            hourly(
                COMPUTE,
                VMS,
                gce,
                "5C7E-8B4A-G2S2",
                "g2-standard-24",
                "Instance",
                "2.00",
                "2000-01"),
            hourly(
                COMPUTE,
                "Containers",
                "Google Kubernetes Engine",
                "B561-BA53-8D24",
                "Cluster management fee",
                "Cluster",
                "0.10",
                "2000-01"),
            metered(
                STORAGE,
                "Object Storage",
                "Cloud Storage",
                "E5F0-6A5D-7BAD",
                "Standard Storage US Multi-region",
                "Bucket",
                "GB-Months",
                "0.026"),
            hourly(
                DATABASES,
                "Relational Databases",
                "Cloud SQL",
                "9E24-4D7A-SQL8",
                "Cloud SQL for PostgreSQL vCPU",
                "Instance",
                "0.0413",
                "2000-01"),
            metered(
                DATABASES,
                "Data Warehouses",
                "BigQuery",
                "24E6-581D-38E5",
                "Analysis",
                "Dataset",
                "TiB",
                "6.25"),
            metered(
                NETWORKING,
                "Content Delivery",
                "Cloud CDN",
                "C7FF-4F9E-C0DB",
                "Cache Egress",
                "Backend bucket",
                "GB",
                "0.08"),
            metered(
                NETWORKING,
                "Network Connectivity",
                "Networking",
                "9DE9-9092-B3BC",
                "Network Internet Egress",
                "Network",
                "GB",
                "0.12"),
            metered(
                AI,
                "Generative AI",
                "Vertex AI",
                "A253-E2F9-GEM25",
                "Gemini 2.5 Pro Input Tokens",
                "Model",
                "1M Tokens",
                "1.25"),
            metered(
                "Management and Governance",
                "Observability",
                "Cloud Logging",
                "143F-A1B0-E0BE",
                "Log Volume",
                "Log bucket",
                "GB",
                "0.50")),
        List.of(
            new MarketplaceOffer(
                "Red Hat Inc.",
                hourly(
                    COMPUTE,
                    "Other (Compute)",
                    "Red Hat Enterprise Linux",
                    "RHEL-9-PREMIUM",
                    "RHEL 9 Premium vCPU",
                    "Instance",
                    "0.13",
                    "2000-01")),
            new MarketplaceOffer(
                "MongoDB, Inc.",
                hourly(
                    DATABASES,
                    "NoSQL Databases",
                    "MongoDB Atlas",
                    "ATLAS-M40",
                    "Atlas Cluster M40",
                    "SaaS",
                    "1.04",
                    "2000-01"))),
        "Committed Use Discount",
        "Spend",
        "Billing Account",
        "Project",
        false);
  }

  private static ProviderProfile oci() {
    return new ProviderProfile(
        "oci",
        ProviderStyle.OCI,
        List.of(
            new Region("us-ashburn-1", "US East (Ashburn)", null),
            new Region("us-phoenix-1", "US West (Phoenix)", null),
            new Region("us-chicago-1", "US Midwest (Chicago)", null),
            new Region("uk-london-1", "UK South (London)", null)),
        List.of(
            hourly(COMPUTE, VMS, "Compute", "B93121", "BM.GPU4.8", "Instance", "24.40", "2000-01"),
            hourly(
                COMPUTE, VMS, "Compute", "B98415", "BM.GPU.H100.8", "Instance", "80.00", "2023-09"),
            hourly(
                COMPUTE, VMS, "Compute", "B99850", "BM.GPU.H200.8", "Instance", "84.00", "2024-10"),
            hourly(
                COMPUTE,
                VMS,
                "Compute",
                "B110213",
                "BM.GPU.GB200.4",
                "Instance",
                "64.00",
                "2025-06")),
        Optional.of(
            hourly(
                AI,
                "Machine Learning",
                "Data Science",
                "B92974",
                "Data Science - Standard OCPU",
                "Notebook session",
                "0.025",
                "2000-01")),
        metered(
            STORAGE,
            "Object Storage",
            "Object Storage",
            "B91628",
            "Object Storage - Storage",
            "Bucket",
            "GB-Months",
            "0.0255"),
        List.of(
            hourly(
                COMPUTE,
                VMS,
                "Compute",
                "B97384",
                "VM.Standard.E5.Flex OCPU",
                "Instance",
                "0.03",
                "2000-01"),
            hourly(
                COMPUTE,
                "Containers",
                "Kubernetes Engine",
                "B96545",
                "OKE Enhanced Cluster",
                "Cluster",
                "0.10",
                "2000-01"),
            metered(
                STORAGE,
                "Block Storage",
                "Block Volume",
                "B91961",
                "Block Volume - Storage",
                "Volume",
                "GB-Months",
                "0.0255"),
            hourly(
                DATABASES,
                "Relational Databases",
                "Autonomous Database",
                "B95702",
                "Autonomous Data Warehouse - ECPU",
                "Autonomous database",
                "0.336",
                "2000-01"),
            metered(
                NETWORKING,
                "Network Connectivity",
                "Networking",
                "B88327",
                "Outbound Data Transfer",
                "VCN",
                "GB",
                "0.0085"),
            metered(
                AI,
                "Generative AI",
                "Generative AI",
                "meta.llama-3-3-70b-input",
                "Meta Llama 3.3 70B Input Tokens",
                "Model",
                "1M Tokens",
                "0.50"),
            metered(
                "Management and Governance",
                "Observability",
                "Logging Analytics",
                "B92809",
                "Logging Analytics - Active Storage",
                "Log group",
                "GB",
                "0.30")),
        List.of(
            new MarketplaceOffer(
                "Fortinet, Inc.",
                hourly(
                    NETWORKING,
                    "Network Security",
                    "FortiGate Next-Gen Firewall",
                    "FGT-VM04",
                    "FortiGate-VM04 BYOL",
                    "Instance",
                    "0.80",
                    "2000-01"))),
        "Annual Commitment",
        "Spend",
        "Tenancy",
        "Compartment",
        false);
  }

  private static ProviderProfile coreweave() {
    String gpu = "GPU Compute";
    String containers = "Containers";
    return new ProviderProfile(
        "coreweave",
        ProviderStyle.COREWEAVE,
        List.of(
            new Region("US-EAST-04", "US East 04", null),
            new Region("US-WEST-01", "US West 01", null),
            new Region("US-CENTRAL-03", "US Central 03", null)),
        List.of(
            hourly(
                COMPUTE, containers, gpu, "gd-8xa100-i128", "A100 HGX", "Node", "17.68", "2000-01"),
            hourly(
                COMPUTE,
                containers,
                gpu,
                "gd-8xh100ib-i128",
                "H100 HGX",
                "Node",
                "49.24",
                "2000-01"),
            hourly(
                COMPUTE,
                containers,
                gpu,
                "gd-8xh200ib-i128",
                "H200 HGX",
                "Node",
                "50.44",
                "2024-09"),
            hourly(COMPUTE, containers, gpu, "gb200-4x", "GB200 NVL72", "Node", "42.00", "2025-02"),
            hourly(
                COMPUTE, containers, gpu, "gb300-4x", "GB300 NVL72", "Node", "60.00", "2025-09")),
        Optional.empty(),
        metered(
            STORAGE,
            "Object Storage",
            "AI Object Storage",
            "cwobject-std",
            "AI Object Storage",
            "Bucket",
            "GB-Months",
            "0.11"),
        List.of(
            hourly(
                COMPUTE,
                containers,
                gpu,
                "gd-8xh100ib-i128",
                "H100 HGX",
                "Node",
                "49.24",
                "2000-01"),
            hourly(
                COMPUTE, containers, gpu, "gd-8xa100-i128", "A100 HGX", "Node", "17.68", "2000-01"),
            hourly(
                COMPUTE,
                containers,
                "CPU Compute",
                "cd-gp-a192-genoa",
                "AMD Genoa 192 vCPU",
                "Node",
                "7.68",
                "2000-01"),
            metered(
                STORAGE,
                "Object Storage",
                "AI Object Storage",
                "cwobject-std",
                "AI Object Storage",
                "Bucket",
                "GB-Months",
                "0.11"),
            metered(
                STORAGE,
                "File Storage",
                "Distributed File Storage",
                "cwfs-std",
                "Distributed File Storage",
                "Volume",
                "GB-Months",
                "0.07"),
            hourly(
                NETWORKING,
                "Network Connectivity",
                "Networking",
                "cw-public-ipv4",
                "Public IPv4 Address",
                "IP address",
                "0.004",
                "2000-01")),
        List.of(
            new MarketplaceOffer(
                "Canonical Ltd.",
                hourly(
                    COMPUTE,
                    "Other (Compute)",
                    "Ubuntu Pro",
                    "ubuntu-pro-node",
                    "Ubuntu Pro node",
                    "Node",
                    "0.05",
                    "2000-01"))),
        "Reserved Capacity",
        "Usage",
        "Organization",
        "Project",
        false);
  }

  private static ProviderProfile generic(String providerId) {
    return new ProviderProfile(
        providerId,
        ProviderStyle.GENERIC,
        List.of(new Region("region-1", "Region 1", null)),
        List.of(
            hourly(
                COMPUTE,
                VMS,
                "GPU Instances",
                "gpu-h100-8",
                "H100 8-GPU node",
                "Instance",
                "40.00",
                "2000-01")),
        Optional.empty(),
        metered(
            STORAGE,
            "Object Storage",
            "Object Storage",
            "object-std",
            "Object storage",
            "Bucket",
            "GB-Months",
            "0.02"),
        List.of(
            hourly(
                COMPUTE,
                VMS,
                "Instances",
                "cpu-8",
                "8 vCPU instance",
                "Instance",
                "0.40",
                "2000-01"),
            metered(
                STORAGE,
                "Object Storage",
                "Object Storage",
                "object-std",
                "Object storage",
                "Bucket",
                "GB-Months",
                "0.02")),
        List.of(
            new MarketplaceOffer(
                "Red Hat Inc.",
                hourly(
                    COMPUTE,
                    "Other (Compute)",
                    "Red Hat Enterprise Linux",
                    "rhel",
                    "RHEL vCPU",
                    "Instance",
                    "0.13",
                    "2000-01"))),
        "Commitment",
        "Spend",
        "Billing Account",
        "Project",
        false);
  }
}
